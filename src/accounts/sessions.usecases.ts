import { hmac, randomToken, safeEqual, sha256 } from '../shared/crypto.ts';
import type { Session, SessionsRepository } from './sessions.repository.ts';
import type { User, UsersRepository } from './users.repository.ts';

const SESSION_DAYS = 30;
// Refresh last-seen at most this often: a read-mostly site should not write on every page view.
const TOUCH_EVERY_MS = 10 * 60_000;

export interface SessionsDeps {
  sessions: SessionsRepository;
  users: UsersRepository;
  secret: string;
  now: () => Date;
  /** after every sign-in (password, e-mail link, publisher sign-on): claims the reader's comments from the previous platform */
  onSignIn?: (user: User) => Promise<unknown>;
}

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/** The cookie carries the session id and its signature; the database has only the id's hash. */
export function createSessionsUsecases(deps: SessionsDeps) {
  const sign = (token: string) => hmac(deps.secret, `session:${token}`).slice(0, 32);
  const expiry = (from: Date) => new Date(from.getTime() + SESSION_DAYS * 86_400_000).toISOString();

  function parseCookie(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const token = value.slice(0, dot);
    return safeEqual(value.slice(dot + 1), sign(token)) ? token : undefined;
  }

  return {
    maxAgeSeconds: SESSION_DAYS * 86_400,

    async create(user: User, ctx: RequestContext): Promise<{ cookie: string; session: Session }> {
      const token = randomToken();
      const now = deps.now();
      const session: Session = {
        idHash: sha256(token),
        publicId: randomToken(12),
        siteId: user.siteId,
        userId: user.id,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: expiry(now),
        userAgent: ctx.userAgent.slice(0, 300),
        ip: ctx.ip,
      };
      await deps.sessions.insert(session);
      await deps.onSignIn?.(user);
      return { cookie: `${token}.${sign(token)}`, session };
    },

    /** The signed-in user behind a cookie value, or nothing for a forged, unknown or expired one. */
    async resolve(cookie: string | undefined, siteId: string): Promise<{ session: Session; user: User } | undefined> {
      const token = parseCookie(cookie);
      if (!token) return undefined;
      const session = await deps.sessions.get(sha256(token));
      const now = deps.now();
      if (!session || session.siteId !== siteId) return undefined;
      if (session.expiresAt <= now.toISOString()) {
        await deps.sessions.delete(session.idHash);
        return undefined;
      }
      const user = await deps.users.get(session.userId);
      if (!user) return undefined;
      if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
        await deps.sessions.touch(session.idHash, now.toISOString(), expiry(now));
      }
      return { session, user };
    },

    async destroy(cookie: string | undefined): Promise<void> {
      const token = parseCookie(cookie);
      if (token) await deps.sessions.delete(sha256(token));
    },

    list(userId: string): Promise<Session[]> {
      return deps.sessions.listForUser(userId);
    },

    async revoke(userId: string, publicId: string): Promise<boolean> {
      const s = await deps.sessions.getByPublicId(publicId);
      if (!s || s.userId !== userId) return false;
      await deps.sessions.delete(s.idHash);
      return true;
    },

    /** Log out everywhere (but, optionally, here). */
    revokeAllFor(userId: string, exceptIdHash?: string): Promise<number> {
      return deps.sessions.deleteForUser(userId, exceptIdHash);
    },

    /** Anti-CSRF token bound to a session (or to the anonymous CSRF cookie before login). */
    csrfToken(binding: string): string {
      return hmac(deps.secret, `csrf:${binding}`).slice(0, 32);
    },

    checkCsrf(binding: string | undefined, presented: string | undefined): boolean {
      if (!binding || !presented) return false;
      return safeEqual(presented, hmac(deps.secret, `csrf:${binding}`).slice(0, 32));
    },
  };
}

export type SessionsUsecases = ReturnType<typeof createSessionsUsecases>;
