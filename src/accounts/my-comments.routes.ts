import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listMyComments } from '../comments/threads.usecases.ts';
import type { Services } from '../core/services.ts';
import { accountChrome, Str, send } from './accounts.http.ts';
import { myCommentsPage } from './profile.pages.ts';

/** The reader's own comments, newest first. */
export function myCommentsRoutes(
  deps: Pick<Services, 'auth' | 'commentsRepository' | 'pages'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    app.get(
      '/account/comments',
      { schema: { querystring: Type.Object({ after: Type.Optional(Str(500)), notice: Type.Optional(Str(20)) }) } },
      async (request, reply) => {
        const viewer = await auth.viewer(request);
        if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent('/account/comments')}`, 303);
        const { chrome: c, csrf } = await accountChrome(deps, request, reply);
        const page = await listMyComments(deps, {
          user: viewer.user,
          ...(request.query.after ? { cursor: request.query.after } : {}),
          limit: 30,
        });
        return send(
          reply,
          200,
          myCommentsPage(
            c,
            page.comments.map((x) => ({ ...x, legacy: x.importedFrom !== null })),
            page.nextCursor ? `/account/comments?after=${page.nextCursor}` : null,
            csrf,
            request.query.notice === 'claim-sent'
              ? 'If comments were imported under that address, a link is on its way there. Follow it while signed in.'
              : request.query.notice === 'claimed'
                ? 'Your older comments are now in your account.'
                : undefined,
          ),
        );
      },
    );
  };
}
