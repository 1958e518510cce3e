import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify, SignJWT } from 'jose';
import { randomToken } from '../shared/crypto.ts';
import { AppError } from '../shared/errors.ts';
import type { SiteResolver } from '../sites/site-resolver.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { Role } from '../storage/schema.ts';
import { accountErrors as E } from './accounts.errors.ts';
import type { Session, SessionsRepository } from './sessions.repository.ts';
import type { SessionsUsecases } from './sessions.usecases.ts';
import type { User, UsersRepository } from './users.repository.ts';

export const SESSION_COOKIE = 'parley_session';
export const CSRF_COOKIE = 'parley_csrf';
/**
 * The session of the comment widget inside another site's page: a partitioned
 * cookie (CHIPS), kept by the browser for that site's pages alone, so the
 * reader stays signed in across reloads where third-party cookies are blocked.
 */
export const EMBED_COOKIE = 'parley_embed';
const BEARER_TTL_S = 3600;

export interface Viewer {
  user: User;
  session: Session;
  /** how the request proved who it is: the cookie needs CSRF checks, a bearer token does not */
  via: 'cookie' | 'bearer';
}

export interface AuthDeps {
  siteResolver: SiteResolver;
  sessions: SessionsUsecases;
  sessionsRepo: SessionsRepository;
  users: UsersRepository;
  secret: string;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    parleyViewer?: Promise<Viewer | undefined>;
  }
  interface FastifyContextConfig {
    /** false for the few unsafe requests that carry their own proof of origin */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createAuth(deps: AuthDeps) {
  const bearerKey = new TextEncoder().encode(deps.secret);
  // A widget sends the same bearer token on every request for an hour.
  // Checking its signature once is enough; whether its session still exists
  // is checked every time (that is how logging out takes effect at once).
  const verified = new Map<string, { sid: string; site: string; exp: number }>();
  // The session and reader behind a bearer token, for two seconds: a burst of
  // requests from one widget costs one lookup. Logging out here drops it at
  // once; on other instances within those two seconds.
  const sessionsSeen = new Map<string, { at: number; session: Session; user: User }>();
  const SESSION_TTL = 2_000;

  function secure(site: Site, request: FastifyRequest): boolean {
    return request.protocol === 'https' || site.baseUrl.startsWith('https:');
  }

  /** The session cookie a request carries: the site's own, or the embed's partitioned one. */
  const sessionCookie = (request: FastifyRequest): string | undefined =>
    request.cookies[SESSION_COOKIE] ?? request.cookies[EMBED_COOKIE];

  // A partitioned cookie must be Secure (and SameSite=None): over HTTPS, or on
  // a loopback address, which browsers treat as secure.
  const embedCookieOptions = (site: Site, request: FastifyRequest) =>
    secure(site, request) || /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(request.hostname.replace(/:\d+$/, ''))
      ? ({ path: '/', httpOnly: true, secure: true, sameSite: 'none', partitioned: true } as const)
      : undefined;

  async function fromBearer(request: FastifyRequest, site: Site): Promise<Viewer | undefined> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return undefined;
    try {
      const token = header.slice(7);
      let claims = verified.get(token);
      if (!claims) {
        const { payload } = await jwtVerify(token, bearerKey, {
          algorithms: ['HS256'],
          audience: `parley:${site.id}`,
          currentDate: deps.now(),
        });
        if (typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return undefined;
        claims = { sid: payload.sid, site: site.id, exp: payload.exp };
        if (verified.size >= 20_000) verified.clear();
        verified.set(token, claims);
      }
      if (claims.site !== site.id || claims.exp * 1000 <= deps.now().getTime()) return undefined;
      const seen = sessionsSeen.get(claims.sid);
      if (seen && Date.now() - seen.at < SESSION_TTL) return { user: seen.user, session: seen.session, via: 'bearer' };
      const session = await deps.sessionsRepo.getByPublicId(claims.sid);
      if (!session || session.siteId !== site.id || session.expiresAt <= deps.now().toISOString()) return undefined;
      const user = await deps.users.get(session.userId);
      if (!user) return undefined;
      if (sessionsSeen.size > 20_000) sessionsSeen.clear();
      sessionsSeen.set(claims.sid, { at: Date.now(), session, user });
      return { user, session, via: 'bearer' };
    } catch {
      return undefined;
    }
  }

  const auth = {
    async site(request: FastifyRequest): Promise<Site> {
      return deps.siteResolver.resolve(request.headers.host);
    },

    /** Who is asking, resolved once per request. A bearer token wins over cookies. */
    viewer(request: FastifyRequest): Promise<Viewer | undefined> {
      request.parleyViewer ??= (async () => {
        const site = await auth.site(request);
        if (request.headers.authorization) return fromBearer(request, site);
        const raw = sessionCookie(request);
        if (!raw) return undefined;
        const found = await deps.sessions.resolve(raw, site.id);
        return found && { ...found, via: 'cookie' as const };
      })();
      return request.parleyViewer;
    },

    async requireUser(request: FastifyRequest, roles?: Role[]): Promise<Viewer> {
      const viewer = await auth.viewer(request);
      if (!viewer) throw new AppError(E.NOT_LOGGED_IN);
      if (roles && !roles.includes(viewer.user.role)) throw new AppError(E.FORBIDDEN);
      return viewer;
    },

    /** The CSRF token for forms and scripts: bound to the session, or to an anonymous cookie before login. */
    async csrfToken(request: FastifyRequest, reply: FastifyReply): Promise<string> {
      const viewer = await auth.viewer(request);
      if (viewer?.via === 'cookie') return deps.sessions.csrfToken(sessionCookie(request) ?? '');
      let anon = request.cookies[CSRF_COOKIE];
      if (!anon) {
        anon = randomToken(18);
        const site = await auth.site(request);
        reply.setCookie(CSRF_COOKIE, anon, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secure(site, request),
        });
        request.cookies[CSRF_COOKIE] = anon;
      }
      return deps.sessions.csrfToken(anon);
    },

    async startSession(request: FastifyRequest, reply: FastifyReply, cookieValue: string): Promise<void> {
      const site = await auth.site(request);
      // A new id at every login: a session id planted before login is worthless after it.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deps.sessions.destroy(previous);
      reply.setCookie(SESSION_COOKIE, cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(site, request),
        maxAge: deps.sessions.maxAgeSeconds,
      });
      request.cookies[SESSION_COOKIE] = cookieValue;
      request.parleyViewer = undefined;
    },

    /** Forget what this instance remembers of a session (it was revoked). */
    forgetSession(publicId: string): void {
      sessionsSeen.delete(publicId);
    },

    async endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      await deps.sessions.destroy(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (request.cookies[EMBED_COOKIE]) {
        await deps.sessions.destroy(request.cookies[EMBED_COOKIE]);
        reply.clearCookie(EMBED_COOKIE, embedCookieOptions(await auth.site(request), request) ?? { path: '/' });
      }
      request.parleyViewer = undefined;
    },

    /**
     * Keeps the widget's sign-in in its frame on another site's page: a session
     * of its own in a partitioned cookie. False where the browser would refuse
     * it (plain HTTP): the widget keeps its bearer token then.
     */
    async startEmbedSession(request: FastifyRequest, reply: FastifyReply, cookieValue: string): Promise<boolean> {
      const options = embedCookieOptions(await auth.site(request), request);
      if (!options) return false;
      if (request.cookies[EMBED_COOKIE]) await deps.sessions.destroy(request.cookies[EMBED_COOKIE]);
      reply.setCookie(EMBED_COOKIE, cookieValue, { ...options, maxAge: deps.sessions.maxAgeSeconds });
      return true;
    },

    /** A short-lived token for clients that cannot use cookies (the comment widget on another site). */
    async bearerToken(session: Session): Promise<{ token: string; expiresIn: number }> {
      const token = await new SignJWT({ sid: session.publicId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(session.userId)
        .setAudience(`parley:${session.siteId}`)
        .setIssuedAt(Math.floor(deps.now().getTime() / 1000))
        .setExpirationTime(Math.floor(deps.now().getTime() / 1000) + BEARER_TTL_S)
        .sign(bearerKey);
      return { token, expiresIn: BEARER_TTL_S };
    },

    /** Whether the request carries the CSRF token that matches its cookies. */
    async csrfValid(request: FastifyRequest): Promise<boolean> {
      const body = request.body as Record<string, unknown> | undefined;
      const header = request.headers['x-csrf-token'];
      const presented =
        (typeof header === 'string' ? header : undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
      const viewer = await auth.viewer(request);
      const binding = viewer?.via === 'cookie' ? sessionCookie(request) : request.cookies[CSRF_COOKIE];
      return deps.sessions.checkCsrf(binding, presented);
    },

    /** Every unsafe request authenticated by cookie must prove it came from one of our pages. */
    async checkCsrf(request: FastifyRequest): Promise<void> {
      if (!UNSAFE.has(request.method) || request.routeOptions.config?.csrf === false) return;
      if (request.headers.authorization?.startsWith('Bearer ')) return;
      if (!(await auth.csrfValid(request))) throw new AppError(E.CSRF_TOKEN_INVALID);
    },
  };
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

export async function installAuth(app: FastifyInstance, auth: Auth): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  app.addHook('preHandler', async (request) => auth.checkCsrf(request));
}

/** Only same-site paths: a login link must not bounce readers to another site. */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  return sameSitePath(raw) ?? sameSitePath(fallback) ?? '/';
}

// A path is checked as a browser reads it: parsed against an origin of our own
// and kept only when the origin did not change; the answer is the parser's own
// percent-encoded form (no tab, backslash or non-ASCII reaches a Location header).
const HOME = 'https://parley.invalid';
function sameSitePath(raw: unknown): string | undefined {
  // Control characters and whitespace are removed or read differently by
  // browsers; a backslash reads as a slash. None belongs in a return path.
  if (typeof raw !== 'string' || raw.length > 2000 || !raw.startsWith('/') || /[\\\s\p{Cc}\p{Cf}]/u.test(raw))
    return undefined;
  try {
    const url = new URL(raw, HOME);
    if (url.origin !== HOME) return undefined;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // The parser may make '//host' out of '/.//host': read it again as a browser would.
    if (!path.startsWith('/') || path.startsWith('//') || new URL(path, HOME).origin !== HOME) return undefined;
    return path;
  } catch {
    return undefined;
  }
}
