import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { appealComment } from './appeals.usecases.ts';
import { Id, tags } from './moderation.http.ts';
import { acknowledgeWarning } from './sanctions.usecases.ts';

// The reader's side of moderation: one appeal of a refused comment, and
// acknowledging a moderator's warning; by API and by form.

export function moderationAppealsRoutes(
  deps: Pick<
    Services,
    'auth' | 'moderationRepository' | 'commentDecisionsRepository' | 'usersRepository' | 'bus' | 'now'
  >,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    async function appeal(request: FastifyRequest, commentId: string, text: string) {
      const { user } = await auth.requireUser(request);
      await appealComment(deps, { site: await auth.site(request), user, commentId, text });
    }

    app.post(
      '/api/me/comments/:id/appeal',
      {
        schema: {
          tags,
          summary: 'Appeal a refused comment, once',
          params: Id,
          body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }),
        },
      },
      async (request, reply) => {
        await appeal(request, request.params.id, request.body.text);
        return reply.code(204).send();
      },
    );

    app.post(
      '/account/comments/:id/appeal',
      {
        schema: {
          params: Id,
          body: Type.Object({
            text: Type.String({ minLength: 1, maxLength: 1000 }),
            _csrf: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        await appeal(request, request.params.id, request.body.text);
        return reply.redirect('/account/comments', 303);
      },
    );

    app.post(
      '/api/me/warning/acknowledge',
      { schema: { tags, summary: "Acknowledge a moderator's warning" } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await acknowledgeWarning(deps, user);
        return reply.code(204).send();
      },
    );

    app.post(
      '/account/warning/acknowledge',
      { schema: { body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await acknowledgeWarning(deps, user);
        return reply.redirect('/account', 303);
      },
    );
  };
}
