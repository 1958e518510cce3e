import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../core/services.ts';
import { linkPage, messagePage } from './account.pages.ts';
import { accountChrome, asNotice, Form, requestContext, Str, send, TokenQuery } from './accounts.http.ts';

/** Linking a new sign-in to an existing account, with its owner's consent. */
export function linkingRoutes(deps: Pick<Services, 'auth' | 'external' | 'pages'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, external } = deps;

    app.get('/account/link', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { chrome: c, csrf } = await accountChrome(deps, request, reply);
      try {
        const info = await external.describeLink(c.site, request.query.token);
        return send(reply, 200, linkPage(c, csrf, request.query.token, info, []));
      } catch (err) {
        const { status, notice } = asNotice(err);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });

    app.post(
      '/account/link',
      { schema: { body: Form({ token: Str(200), password: Str() }) } },
      async (request, reply) => {
        const site = await auth.site(request);
        try {
          const { cookie } = await external.linkWithPassword(
            site,
            request.body.token,
            request.body.password,
            requestContext(request),
          );
          await auth.startSession(request, reply, cookie);
          return reply.redirect('/account?notice=linked', 303);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await accountChrome(deps, request, reply);
          const info = await external.describeLink(site, request.body.token).catch(() => undefined);
          return send(
            reply,
            status,
            info
              ? linkPage(c, csrf, request.body.token, info, [notice])
              : messagePage(c, 'Link your accounts', [notice]),
          );
        }
      },
    );

    app.post('/account/link/email', { schema: { body: Form({ token: Str(200) }) } }, async (request, reply) => {
      const site = await auth.site(request);
      const { chrome: c } = await accountChrome(deps, request, reply);
      try {
        await external.sendLinkEmail(site, request.body.token);
        return send(
          reply,
          200,
          messagePage(c, 'Check your e-mail', [
            {
              kind: 'info',
              text: 'We have sent a link to the address of your existing account. Open it to link the two.',
            },
          ]),
        );
      } catch (err) {
        const { status, notice } = asNotice(err);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });

    app.get('/account/link/confirm', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      try {
        const { cookie } = await external.confirmLink(
          await auth.site(request),
          request.query.token,
          requestContext(request),
        );
        await auth.startSession(request, reply, cookie);
        return reply.redirect('/account?notice=linked', 303);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c } = await accountChrome(deps, request, reply);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });
  };
}
