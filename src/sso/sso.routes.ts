import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { messagePage } from '../accounts/account.pages.ts';
import { publicUser, SignedIn } from '../accounts/accounts.schemas.ts';
import { safeReturnPath } from '../accounts/auth.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { html } from '../shared/html.ts';

const OIDC_COOKIE = 'parley_oidc';

export function ssoRoutes(
  deps: Pick<Services, 'auth' | 'external' | 'oidc' | 'pages' | 'sessions' | 'ssoTokens'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, ssoTokens, external, oidc, sessions: sessionsUsecases } = deps;
    const ctx = (r: { ip: string; headers: Record<string, string | string[] | undefined> }) => ({
      ip: r.ip,
      userAgent: String(r.headers['user-agent'] ?? ''),
    });

    /**
     * Publisher sign-on. The token proves who the reader is; the answer carries
     * a bearer token for the widget. A cookie is set only when the request also
     * proves it came from this site (CSRF token), so a third party cannot log a
     * reader into someone else's account.
     */
    app.post(
      '/api/auth/sso',
      {
        config: { csrf: false },
        schema: {
          body: Type.Object({ token: Type.String({ maxLength: 8192 }), _csrf: Type.Optional(Type.String()) }),
          response: { 200: SignedIn },
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const mayUseCookie = await auth.csrfValid(request);
        const profile = await ssoTokens.verify(site.id, request.body.token);
        const { user, cookie } = await external.signIn(site, profile, ctx(request));
        const session = await sessionsUsecases.resolve(cookie, site.id);
        if (!session) throw new Error('new session did not resolve');
        if (mayUseCookie) await auth.startSession(request, reply, cookie);
        const cookieSet = mayUseCookie;
        reply.header('cache-control', 'private, no-store');
        return { user: publicUser(user), bearer: await auth.bearerToken(session.session), cookie: cookieSet };
      },
    );

    /**
     * Sign-on from the publisher's own login page: it redirects the reader here
     * with a token. Parley asks "continue as …?" and signs in only on the
     * reader's own click (a CSRF-protected form), so a link carrying someone
     * else's token cannot log a reader into the wrong account.
     */
    app.get(
      '/account/sso',
      {
        schema: {
          querystring: Type.Object({
            token: Type.String({ maxLength: 8192 }),
            return: Type.Optional(Type.String({ maxLength: 500 })),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const profile = await ssoTokens.verify(site.id, request.query.token, { consume: false });
        const csrf = await auth.csrfToken(request, reply);
        const chrome = await deps.pages.chrome(site);
        const page = messagePage(
          chrome,
          'Continue to comments',
          [],
          html`<p>Continue on ${site.name} as <strong>${profile.name ?? 'a reader'}</strong>${profile.email ? html` (${profile.email})` : ''}?</p>
<form method="post" action="/account/sso"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="token" value="${request.query.token}"><input type="hidden" name="return" value="${safeReturnPath(request.query.return)}"><button class="button" type="submit">Continue</button></form>`,
        );
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(page.value);
      },
    );

    app.post(
      '/account/sso',
      {
        schema: {
          body: Type.Object({
            token: Type.String({ maxLength: 8192 }),
            return: Type.Optional(Type.String({ maxLength: 500 })),
            _csrf: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const profile = await ssoTokens.verify(site.id, request.body.token);
        try {
          const { cookie } = await external.signIn(site, profile, ctx(request));
          await auth.startSession(request, reply, cookie);
          return reply.redirect(safeReturnPath(request.body.return), 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'ACCOUNT_LINK_REQUIRED')
            return reply.redirect((err.details as { linkUrl: string }).linkUrl, 303);
          throw err;
        }
      },
    );

    app.get(
      '/account/oidc/:name/start',
      {
        schema: {
          params: Type.Object({ name: Type.String({ maxLength: 60 }) }),
          querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 500 })) }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const redirectUri = `${site.baseUrl.replace(/\/+$/, '')}/account/oidc/${request.params.name}/callback`;
        const { url, cookie } = await oidc.start(
          site.id,
          request.params.name,
          redirectUri,
          safeReturnPath(request.query.return, '/account'),
        );
        reply.setCookie(OIDC_COOKIE, cookie, {
          path: '/account/oidc',
          httpOnly: true,
          sameSite: 'lax',
          secure: site.baseUrl.startsWith('https:'),
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/account/oidc/:name/callback',
      {
        schema: {
          params: Type.Object({ name: Type.String({ maxLength: 60 }) }),
          querystring: Type.Object({
            code: Type.Optional(Type.String()),
            state: Type.Optional(Type.String()),
            error: Type.Optional(Type.String()),
            iss: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const redirectUri = `${site.baseUrl.replace(/\/+$/, '')}/account/oidc/${request.params.name}/callback`;
        const { profile, returnTo } = await oidc.finish(
          site.id,
          request.params.name,
          request.query,
          request.cookies[OIDC_COOKIE],
          redirectUri,
        );
        reply.clearCookie(OIDC_COOKIE, { path: '/account/oidc' });
        try {
          const { cookie } = await external.signIn(site, profile, ctx(request));
          await auth.startSession(request, reply, cookie);
          return reply.redirect(safeReturnPath(returnTo), 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'ACCOUNT_LINK_REQUIRED')
            return reply.redirect((err.details as { linkUrl: string }).linkUrl, 303);
          throw err;
        }
      },
    );
  };
}
