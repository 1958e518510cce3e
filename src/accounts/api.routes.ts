import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import { BearerToken, Credentials, PublicUser, publicUser, Registration, SessionInfo } from './accounts.schemas.ts';

// The JSON API the comment widget and publishers' own clients use. Cookie
// callers send the CSRF token from GET /api/auth/session in x-csrf-token.
export function authApiRoutes(deps: Pick<Services, 'accounts' | 'auth' | 'sessions'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts } = deps;
    const registrations = createRateLimiter({ limit: 10, windowMs: 3_600_000 });
    const noStore = { 'cache-control': 'private, no-store' };

    app.get('/api/auth/session', { schema: { response: { 200: SessionInfo } } }, async (request, reply) => {
      const viewer = await auth.viewer(request);
      reply.headers(noStore);
      return { user: viewer ? publicUser(viewer.user) : null, csrfToken: await auth.csrfToken(request, reply) };
    });

    app.post(
      '/api/auth/register',
      { schema: { body: Registration, response: { 202: Type.Object({ status: Type.Literal('check-email') }) } } },
      async (request, reply) => {
        const wait = registrations.hit(request.ip);
        if (wait > 0) throw new AppError(commonErrors.RATE_LIMITED);
        await accounts.register(await auth.site(request), request.body);
        return reply.code(202).send({ status: 'check-email' as const });
      },
    );

    app.post(
      '/api/auth/login',
      { schema: { body: Credentials, response: { 200: Type.Object({ user: PublicUser }) } } },
      async (request, reply) => {
        try {
          const { user, cookie } = await accounts.login(await auth.site(request), request.body, {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? '',
          });
          await auth.startSession(request, reply, cookie);
          reply.headers(noStore);
          return { user: publicUser(user) };
        } catch (err) {
          if (err instanceof AppError && err.code === 'LOGIN_THROTTLED')
            reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
          throw err;
        }
      },
    );

    app.post('/api/auth/logout', { schema: { response: { 204: Type.Null() } } }, async (request, reply) => {
      const viewer = await auth.viewer(request);
      if (viewer?.via === 'bearer') {
        await deps.sessions.revoke(viewer.user.id, viewer.session.publicId);
        auth.forgetSession(viewer.session.publicId);
      }
      await auth.endSession(request, reply);
      return reply.code(204).send(null);
    });

    app.post('/api/auth/token', { schema: { response: { 200: BearerToken } } }, async (request, reply) => {
      const { session } = await auth.requireUser(request);
      reply.headers(noStore);
      return auth.bearerToken(session);
    });

    /**
     * The widget in another site's page, signed in with a bearer token, asks
     * for a session of its own in a partitioned cookie (CHIPS), so that a reload
     * of that page finds the reader still signed in.
     */
    app.post(
      '/api/auth/embed-session',
      { schema: { response: { 200: Type.Object({ partitioned: Type.Boolean() }) } } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        reply.headers(noStore);
        const { cookie } = await deps.sessions.create(user, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
        const partitioned = await auth.startEmbedSession(request, reply, cookie);
        if (!partitioned) await deps.sessions.destroy(cookie);
        return { partitioned };
      },
    );

    app.get('/api/me', { schema: { response: { 200: Type.Object({ user: PublicUser }) } } }, async (request, reply) => {
      const { user } = await auth.requireUser(request);
      reply.headers(noStore);
      return { user: publicUser(user) };
    });
  };
}
