import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../core/services.ts';
import { html } from '../shared/html.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import { forgotPage, messagePage, resetPage } from './account.pages.ts';
import { accountChrome, asNotice, Form, limit, Str, send, TokenQuery } from './accounts.http.ts';

/** A forgotten password: a link by e-mail, and a new password from it. */
export function passwordRoutes(deps: Pick<Services, 'accounts' | 'auth' | 'pages'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts } = deps;
    // Per network address, per instance: slows a script without bothering people.
    const resets = createRateLimiter({ limit: 5, windowMs: 3_600_000 });

    app.get('/account/forgot', async (request, reply) => {
      const { chrome: c, csrf } = await accountChrome(deps, request, reply);
      return send(reply, 200, forgotPage(c, csrf, []));
    });

    app.post('/account/forgot', { schema: { body: Form({ email: Str(254) }) } }, async (request, reply) => {
      try {
        limit(resets, request.ip);
        await accounts.requestPasswordReset(await auth.site(request), request.body.email);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c, csrf } = await accountChrome(deps, request, reply);
        return send(reply, status, forgotPage(c, csrf, [notice]));
      }
      const { chrome: c } = await accountChrome(deps, request, reply);
      return send(
        reply,
        200,
        messagePage(c, 'Check your e-mail', [
          {
            kind: 'info',
            text: 'If an account uses that address, we have sent it a link to choose a new password. The link works for an hour.',
          },
        ]),
      );
    });

    app.get('/account/reset', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { chrome: c, csrf } = await accountChrome(deps, request, reply);
      return send(reply, 200, resetPage(c, csrf, request.query.token, []));
    });

    app.post(
      '/account/reset',
      { schema: { body: Form({ token: Str(200), password: Str() }) } },
      async (request, reply) => {
        try {
          await accounts.resetPassword(await auth.site(request), request.body.token, request.body.password);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await accountChrome(deps, request, reply);
          return send(reply, status, resetPage(c, csrf, request.body.token, [notice]));
        }
        await auth.endSession(request, reply);
        const { chrome: c } = await accountChrome(deps, request, reply);
        return send(
          reply,
          200,
          messagePage(
            c,
            'Password changed',
            [
              {
                kind: 'info',
                text: 'Your new password is saved, and every device that was logged in has been logged out.',
              },
            ],
            html`<p><a class="button" href="/account/login">Log in</a></p>`,
          ),
        );
      },
    );
  };
}
