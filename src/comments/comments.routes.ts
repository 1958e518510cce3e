import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { commentErrors as E } from './comments.errors.ts';
import { CommentViewSchema, PostComment, PostResult, SortQuery, ThreadPageSchema } from './comments.schemas.ts';
import { deleteComment, editComment } from './editing.usecases.ts';
import { type PostingDeps, postComment } from './posting.usecases.ts';
import { Id, noStore, readerOf } from './route-helpers.ts';
import { listMyComments, readCommentContext, readReplies, readThread } from './threads.usecases.ts';

// Comments API: what the widget uses, documented at /api/openapi.json.
// Reads are open to all; writes need a signed-in reader (cookie + CSRF token,
// or a bearer token) and are rate-limited per reader. Every route that shows
// a comment is here, where the CommentView schema is declared.
export function commentsRoutes(deps: Pick<Services, 'auth'> & PostingDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, storiesRepository: stories } = deps;
    app.addSchema(CommentViewSchema);

    async function story(request: FastifyRequest, id: string) {
      const site = await auth.site(request);
      const s = await stories.get(id);
      if (!s || s.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
      return { site, story: s };
    }

    // Anonymous readers all get the same bytes: serialised once per change of the story.
    // (Kept at most five seconds: another instance may have taken a comment meanwhile.)
    const serialised = new Map<string, { site: string; body: string; at: number }>();
    const rebuilding = new Map<string, Promise<string>>();
    deps.bus.subscribe((e) => {
      if (e.type === 'content.changed') serialised.clear();
      else if (e.type === 'comment.changed')
        for (const k of serialised.keys()) if (k.startsWith(`${e.storyId}|`)) serialised.delete(k);
    });

    app.get(
      '/api/stories/:id/comments',
      {
        schema: {
          tags: ['comments'],
          summary: "A page of a story's comments, with their replies",
          params: Id,
          querystring: SortQuery,
          response: { 200: ThreadPageSchema },
        },
      },
      async (request, reply) => {
        const anonymous = !request.headers.authorization && !request.headers.cookie?.includes('parley_session=');
        const key = `${request.params.id}|${request.query.sort ?? ''}|${request.query.cursor ?? ''}|${request.query.limit ?? ''}|${request.query.tab ?? ''}`;
        if (anonymous) {
          const site = await auth.site(request);
          const hit = serialised.get(key);
          if (hit && hit.site === site.id && Date.now() - hit.at < 5_000)
            return reply
              .header('content-type', 'application/json; charset=utf-8')
              .header('cache-control', 'no-cache')
              .send(hit.body as never);
        }
        const { site, story: s } = await story(request, request.params.id);
        const viewer = await auth.viewer(request);
        reply.headers(noStore);
        if (anonymous && !viewer) {
          // One rebuild at a time per page; concurrent readers share it.
          let building = rebuilding.get(key);
          if (!building) {
            building = readThread(deps, {
              site,
              story: s,
              sort: request.query.sort ?? 'newest',
              ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
              limit: request.query.limit ?? 20,
              viewer: null,
              featured: request.query.tab === 'featured',
            })
              .then((page) => {
                const text = JSON.stringify(page);
                if (serialised.size > 5_000) serialised.clear();
                serialised.set(key, { site: site.id, body: text, at: Date.now() });
                return text;
              })
              .finally(() => rebuilding.delete(key));
            rebuilding.set(key, building);
          }
          const body = await building;
          return reply
            .header('content-type', 'application/json; charset=utf-8')
            .header('cache-control', 'no-cache')
            .send(body as never);
        }
        return readThread(deps, {
          site,
          story: s,
          sort: request.query.sort ?? 'newest',
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
          limit: request.query.limit ?? 20,
          viewer: viewer?.user ?? null,
          featured: request.query.tab === 'featured',
        });
      },
    );

    app.get(
      '/api/comments/:id/replies',
      {
        schema: {
          tags: ['comments'],
          summary: 'More replies under a comment',
          params: Id,
          querystring: Type.Object({
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          }),
          response: {
            200: Type.Object({
              comments: Type.Array(Type.Ref('CommentView')),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request, reply) => {
        const viewer = await auth.viewer(request);
        reply.headers(noStore);
        return readReplies(deps, {
          site: await auth.site(request),
          parentId: request.params.id,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
          limit: request.query.limit ?? 20,
          viewer: viewer?.user ?? null,
        });
      },
    );

    app.get(
      '/api/comments/:id/context',
      {
        schema: {
          tags: ['comments'],
          summary: 'The thread holding a comment, opened down to it (permalinks)',
          params: Id,
          response: {
            200: Type.Object({
              storyId: Type.String(),
              thread: Type.Ref('CommentView'),
              path: Type.Array(Type.String()),
            }),
          },
        },
      },
      async (request, reply) => {
        const viewer = await auth.viewer(request);
        const {
          story: s,
          thread,
          path,
        } = await readCommentContext(deps, {
          site: await auth.site(request),
          commentId: request.params.id,
          viewer: viewer?.user ?? null,
        });
        reply.headers(noStore);
        return { storyId: s.id, thread, path };
      },
    );

    app.post(
      '/api/stories/:id/comments',
      {
        schema: {
          tags: ['comments'],
          summary: 'Post a comment or a reply. Send an Idempotency-Key header to make retries safe.',
          params: Id,
          body: PostComment,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 200: PostResult, 201: PostResult },
        },
      },
      async (request, reply) => {
        const { site, user } = await readerOf(auth, request);
        const result = await postComment(deps, {
          site,
          user,
          storyId: request.params.id,
          parentId: request.body.parentId ?? null,
          body: request.body.body,
          idempotencyKey: request.headers['idempotency-key'],
          sendAnyway: request.body.sendAnyway,
        });
        return reply
          .code(result.duplicate ? 200 : 201)
          .headers(noStore)
          .send(result);
      },
    );

    app.patch(
      '/api/comments/:id',
      {
        schema: {
          tags: ['comments'],
          summary: "Edit one's own comment within the edit window",
          params: Id,
          body: Type.Object({ body: Type.String({ maxLength: 20_000 }) }),
          response: { 200: Type.Ref('CommentView') },
        },
      },
      async (request) => {
        const { site, user } = await readerOf(auth, request);
        return editComment(deps, { site, user, commentId: request.params.id, body: request.body.body });
      },
    );

    app.delete(
      '/api/comments/:id',
      {
        schema: {
          tags: ['comments'],
          summary: "Delete one's own comment (a placeholder keeps its replies in place)",
          params: Id,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { site, user } = await readerOf(auth, request);
        await deleteComment(deps, { site, user, commentId: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me/comments',
      {
        schema: {
          tags: ['comments'],
          summary: "The signed-in reader's own comments, every status",
          querystring: Type.Object({
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          }),
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        reply.headers(noStore);
        return listMyComments(deps, {
          user,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
          limit: request.query.limit ?? 20,
        });
      },
    );
  };
}
