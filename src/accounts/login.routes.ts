import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { loginPage } from './account.pages.ts';
import { accountChrome, asNotice, Form, requestContext, Str, send } from './accounts.http.ts';
import { safeReturnPath } from './auth.ts';

/** Logging in with a password, logging out, and the end of a login in the widget's popup. */
export function loginRoutes(
  deps: Pick<Services, 'accounts' | 'auth' | 'oidc' | 'pages' | 'ssoRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts } = deps;

    async function loginOptions(siteId: string) {
      const [settings, providers] = await Promise.all([
        deps.ssoRepository.getSettings(siteId),
        deps.oidc.listProviders(siteId),
      ]);
      return { providers, publisherLoginUrl: settings?.loginUrl ?? null, passwordLogin: !settings?.signOnOnly };
    }

    app.get(
      '/account/login',
      { schema: { querystring: Type.Object({ return: Type.Optional(Str(500)) }) } },
      async (request, reply) => {
        const { chrome: c, csrf } = await accountChrome(deps, request, reply);
        const returnTo = safeReturnPath(request.query.return, '/account');
        return send(reply, 200, loginPage(c, csrf, [], { returnTo, ...(await loginOptions(c.site.id)) }));
      },
    );

    app.post(
      '/account/login',
      { schema: { body: Form({ email: Str(254), password: Str(), return: Type.Optional(Str(500)) as never }) } },
      async (request, reply) => {
        const body = request.body as { email: string; password: string; return?: string };
        const returnTo = safeReturnPath(body.return, '/account');
        try {
          const { cookie } = await accounts.login(
            await auth.site(request),
            { email: body.email, password: body.password },
            requestContext(request),
          );
          await auth.startSession(request, reply, cookie);
          return reply.redirect(returnTo, 303);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await accountChrome(deps, request, reply);
          if (err instanceof AppError && err.code === 'LOGIN_THROTTLED')
            reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
          return send(
            reply,
            status,
            loginPage(c, csrf, [notice], { email: body.email, returnTo, ...(await loginOptions(c.site.id)) }),
          );
        }
      },
    );

    app.post('/account/logout', async (request, reply) => {
      await auth.endSession(request, reply);
      return reply.redirect('/', 303);
    });

    /**
     * The end of a login in a popup opened by the comment widget. Third-party
     * cookies are blocked in most browsers, so the widget's iframe cannot see
     * the session cookie: this page hands the iframe a short-lived bearer
     * token by postMessage, addressed to Parley's own origin only, and closes.
     */
    app.get('/account/popup-done', async (request, reply) => {
      const viewer = await auth.viewer(request);
      if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent('/account/popup-done')}`, 303);
      const site = await auth.site(request);
      const { token, expiresIn } = await auth.bearerToken(viewer.session);
      const origin = new URL(site.baseUrl).origin;
      const message = JSON.stringify({ type: 'parley:signed-in', token, expiresIn }).replace(/</g, '\\u003c');
      const nonce = randomBytes(16).toString('base64');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`)
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head><body><p>You are signed in. You can close this window.</p><script nonce="${nonce}">if (window.opener) { window.opener.postMessage(${message}, ${JSON.stringify(origin)}); window.close(); }</script></body></html>`,
        );
    });
  };
}
