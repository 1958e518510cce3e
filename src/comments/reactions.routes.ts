import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { ReportBody } from './comments.schemas.ts';
import { featureComment, reactToComment, reportComment } from './reactions.usecases.ts';
import { Id, readerOf } from './route-helpers.ts';

// What readers do with others' comments (react, report) and staff with anyone's (feature).
export function reactionsRoutes(
  deps: Pick<Services, 'auth' | 'bus' | 'now' | 'commentsRepository' | 'storiesRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const Reaction = Type.Object({ count: Type.Integer(), mine: Type.Boolean() });
    app.put(
      '/api/comments/:id/reaction',
      {
        schema: {
          tags: ['comments'],
          summary: 'React to a comment (once per reader)',
          params: Id,
          response: { 200: Reaction },
        },
      },
      async (request) => {
        const { site, user } = await readerOf(auth, request);
        return reactToComment(deps, { site, user, commentId: request.params.id, on: true });
      },
    );
    app.delete(
      '/api/comments/:id/reaction',
      { schema: { tags: ['comments'], summary: "Take one's reaction back", params: Id, response: { 200: Reaction } } },
      async (request) => {
        const { site, user } = await readerOf(auth, request);
        return reactToComment(deps, { site, user, commentId: request.params.id, on: false });
      },
    );

    app.post(
      '/api/comments/:id/reports',
      {
        schema: {
          tags: ['comments'],
          summary: 'Report a comment to the moderators',
          params: Id,
          body: ReportBody,
          response: { 202: Type.Object({ status: Type.Literal('reported') }) },
        },
      },
      async (request, reply) => {
        const { site, user } = await readerOf(auth, request);
        await reportComment(deps, {
          site,
          user,
          commentId: request.params.id,
          reason: request.body.reason,
          note: request.body.note ?? null,
        });
        return reply.code(202).send({ status: 'reported' as const });
      },
    );

    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      app[method](
        '/api/comments/:id/featured',
        {
          schema: {
            tags: ['moderation'],
            summary: on ? 'Feature a comment (staff)' : 'Stop featuring a comment (staff)',
            params: Id,
            response: { 204: Type.Null() },
          },
        },
        async (request, reply) => {
          const { site, user } = await readerOf(auth, request);
          await featureComment(deps, { site, user, commentId: request.params.id, on });
          return reply.code(204).send(null);
        },
      );
    }
  };
}
