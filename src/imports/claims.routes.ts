import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { confirmClaimLink, requestClaimLink } from './claims.usecases.ts';

// Claiming older comments by proving the old address: ask (a link is sent to
// it), then follow the link while signed in.

export function claimRoutes(
  deps: Pick<
    Services,
    'auth' | 'importsRepository' | 'commentsRepository' | 'tokensRepository' | 'mailer' | 'claimsRateLimiter' | 'now'
  >,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const Email = Type.String({ minLength: 3, maxLength: 254 });

    app.post(
      '/api/me/legacy-claims',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Send a link to the address used on the previous platform; the answer is the same whether comments exist under it or not',
          body: Type.Object({ email: Email }),
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await requestClaimLink(deps, { site: await auth.site(request), user, email: request.body.email });
        return reply.code(202).send({ status: 'sent-if-known' });
      },
    );

    app.post(
      '/account/legacy/claim',
      { schema: { body: Type.Object({ email: Email, _csrf: Type.Optional(Type.String()) }) } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await requestClaimLink(deps, { site: await auth.site(request), user, email: request.body.email });
        return reply.redirect('/account/comments?notice=claim-sent', 303);
      },
    );

    app.get(
      '/account/legacy/claim',
      { schema: { querystring: Type.Object({ token: Type.String({ maxLength: 200 }) }) } },
      async (request, reply) => {
        const viewer = await auth.viewer(request);
        if (!viewer)
          return reply.redirect(
            `/account/login?return=${encodeURIComponent(`/account/legacy/claim?token=${request.query.token}`)}`,
            303,
          );
        await confirmClaimLink(deps, { site: await auth.site(request), user: viewer.user, token: request.query.token });
        return reply.redirect('/account/comments?notice=claimed', 303);
      },
    );
  };
}
