import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../core/services.ts';
import { html } from '../shared/html.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import { messagePage, registerPage } from './account.pages.ts';
import { accountErrors as E } from './accounts.errors.ts';
import { accountChrome, asNotice, Form, limit, Str, send, TokenQuery } from './accounts.http.ts';

/** Registering with a password, and confirming the address. */
export function registrationRoutes(
  deps: Pick<Services, 'accounts' | 'auth' | 'pages' | 'ssoRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts } = deps;
    // Per network address, per instance: slows a script without bothering people.
    const registrations = createRateLimiter({ limit: 10, windowMs: 3_600_000 });

    app.get('/account/register', async (request, reply) => {
      const { chrome: c, csrf } = await accountChrome(deps, request, reply);
      if ((await deps.ssoRepository.getSettings(c.site.id))?.signOnOnly)
        return send(reply, 403, messagePage(c, 'Register', [{ kind: 'info', text: E.REGISTRATION_DISABLED.message }]));
      return send(reply, 200, registerPage(c, csrf, []));
    });

    app.post(
      '/account/register',
      { schema: { body: Form({ email: Str(254), displayName: Str(200), password: Str() }) } },
      async (request, reply) => {
        const { email, displayName, password } = request.body;
        try {
          limit(registrations, request.ip);
          await accounts.register(await auth.site(request), { email, displayName, password });
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await accountChrome(deps, request, reply);
          return send(reply, status, registerPage(c, csrf, [notice], { email, displayName }));
        }
        const { chrome: c } = await accountChrome(deps, request, reply);
        return send(
          reply,
          200,
          messagePage(c, 'Check your e-mail', [
            {
              kind: 'info',
              text: `We have sent a message to ${email.trim()}. Open the link in it to confirm your address, then log in.`,
            },
          ]),
        );
      },
    );

    app.get('/account/verify', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      try {
        await accounts.verifyEmail(await auth.site(request), request.query.token);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c } = await accountChrome(deps, request, reply);
        return send(reply, status, messagePage(c, 'E-mail address not confirmed', [notice]));
      }
      const { chrome: c } = await accountChrome(deps, request, reply);
      return send(
        reply,
        200,
        messagePage(
          c,
          'E-mail address confirmed',
          [{ kind: 'info', text: 'Thank you: your address is confirmed.' }],
          (await auth.viewer(request)) ? undefined : html`<p><a class="button" href="/account/login">Log in</a></p>`,
        ),
      );
    });

    app.post('/account/verify/resend', async (request, reply) => {
      const viewer = await auth.requireUser(request);
      await accounts.sendVerification(await auth.site(request), viewer.user);
      return reply.redirect('/account?notice=verification-sent', 303);
    });
  };
}
