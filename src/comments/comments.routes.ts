import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { commentErrors as E } from './comments.errors.ts';
import {
  CommentViewSchema,
  PostComment,
  PostResult,
  ReportBody,
  SortQuery,
  StoryInfo,
  ThreadPageSchema,
} from './comments.schemas.ts';
import { normaliseStoryUrl } from './story-url.ts';

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const noStore = { 'cache-control': 'private, no-store' };

// Comments API: what the widget uses, documented at /api/openapi.json.
// Reads are open to all; writes need a signed-in reader (cookie + CSRF token,
// or a bearer token) and are rate-limited per reader.
export function commentsRoutes(
  deps: Pick<Services, 'auth' | 'bus' | 'comments' | 'storiesRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, comments: uc, storiesRepository: stories } = deps;
    app.addSchema(CommentViewSchema);

    async function story(request: FastifyRequest, id: string) {
      const site = await auth.site(request);
      const s = await stories.get(id);
      if (!s || s.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
      return { site, story: s };
    }

    async function reader(request: FastifyRequest) {
      const site = await auth.site(request);
      const { user } = await auth.requireUser(request);
      return { site, user };
    }

    app.get(
      '/api/stories/resolve',
      {
        schema: {
          tags: ['stories'],
          summary: 'Find or create the story of an embedding page',
          querystring: Type.Object({
            storyId: Type.Optional(Type.String({ maxLength: 200 })),
            url: Type.String({ maxLength: 2000 }),
            title: Type.Optional(Type.String({ maxLength: 300 })),
          }),
          response: { 200: StoryInfo },
        },
      },
      async (request) => {
        const site = await auth.site(request);
        const s = await uc.storyForEmbed(site, request.query);
        const settings = await stories.getSettings(site.id);
        const closed = uc.closedReason(s, settings);
        return {
          id: s.id,
          title: s.title,
          url: s.url,
          closed: closed !== null,
          commentCount: s.commentCount,
          closedMessage: closed,
        };
      },
    );

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
            building = uc
              .thread(site, s, {
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
        return uc.thread(site, s, {
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
        return uc.replies(await auth.site(request), request.params.id, {
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
        } = await uc.context(await auth.site(request), request.params.id, viewer?.user ?? null);
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
        const { site, user } = await reader(request);
        const result = await uc.post(site, user, {
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
        const { site, user } = await reader(request);
        return uc.edit(site, user, request.params.id, request.body.body);
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
        const { site, user } = await reader(request);
        await uc.remove(site, user, request.params.id);
        return reply.code(204).send(null);
      },
    );

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
        const { site, user } = await reader(request);
        return uc.react(site, user, request.params.id, true);
      },
    );
    app.delete(
      '/api/comments/:id/reaction',
      { schema: { tags: ['comments'], summary: "Take one's reaction back", params: Id, response: { 200: Reaction } } },
      async (request) => {
        const { site, user } = await reader(request);
        return uc.react(site, user, request.params.id, false);
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
        const { site, user } = await reader(request);
        await uc.report(site, user, request.params.id, request.body.reason, request.body.note ?? null);
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
          const { site, user } = await reader(request);
          await uc.feature(site, user, request.params.id, on);
          return reply.code(204).send(null);
        },
      );
      app[method](
        '/api/stories/:id/closed',
        {
          schema: {
            tags: ['moderation'],
            summary: on ? 'Close a story to comments (staff)' : 'Open a story to comments again (staff)',
            params: Id,
            response: { 204: Type.Null() },
          },
        },
        async (request, reply) => {
          const { site, user } = await reader(request);
          await uc.setStoryClosed(site, user, request.params.id, on);
          return reply.code(204).send(null);
        },
      );
    }

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
        return uc.mine(user, {
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
          limit: request.query.limit ?? 20,
        });
      },
    );

    app.get(
      '/api/counts',
      {
        schema: {
          tags: ['stories'],
          summary: 'Published comment counts for many stories at once',
          querystring: Type.Object({
            keys: Type.String({
              maxLength: 10_000,
              description: 'comma-separated: article:<id>, ext:<story id> or url:<page url>',
            }),
          }),
          response: { 200: Type.Object({ counts: Type.Record(Type.String(), Type.Integer()) }) },
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const keys = request.query.keys
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
          .slice(0, 200);
        const lookup = new Map(
          keys.map((k) => [k.startsWith('url:') ? `url:${normaliseStoryUrl(k.slice(4)) ?? ''}` : k, k]),
        );
        const found = await stories.countsByKeys(site.id, [...lookup.keys()]);
        const counts: Record<string, number> = {};
        for (const [stored, asked] of lookup) counts[asked] = found.get(stored) ?? 0;
        reply.header('cache-control', 'public, max-age=30').header('access-control-allow-origin', '*');
        return { counts };
      },
    );

    /** New, edited and removed comments of one story, as they happen (server-sent events). */
    app.get(
      '/api/stories/:id/events',
      {
        schema: {
          tags: ['comments'],
          summary: 'Server-sent events: comment.created, comment.edited, comment.removed',
          params: Id,
        },
      },
      async (request, reply) => {
        const { story: s } = await story(request, request.params.id);
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        reply.raw.write('retry: 3000\n\n');
        const unsubscribe = deps.bus.subscribe((event) => {
          if (event.type !== 'comment.changed' || event.storyId !== s.id) return;
          reply.raw.write(
            `event: comment.${event.change}\ndata: ${JSON.stringify({ id: event.commentId, comment: event.comment })}\n\n`,
          );
        });
        // A comment line now and then keeps proxies from closing a quiet stream.
        const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
        return reply;
      },
    );
  };
}
