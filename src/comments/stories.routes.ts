import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { createEventLog, sseFrame } from '../events/replay.ts';
import { startEventStream } from '../http/event-stream.ts';
import { AppError } from '../shared/errors.ts';
import { commentErrors as E } from './comments.errors.ts';
import { StoryInfo } from './comments.schemas.ts';
import { Id, readerOf } from './route-helpers.ts';
import { countComments, resolveEmbedStory, setStoryClosed } from './stories.usecases.ts';

// Stories: found or made for an embedding page, counted for many pages at
// once, closed by staff, and followed live (server-sent events).
export function storiesRoutes(
  deps: Pick<Services, 'articlesRepository' | 'auth' | 'bus' | 'now' | 'storiesRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    // Every story's recent events, numbered, whether or not a reader is connected (for Last-Event-ID).
    const log = createEventLog({ now: () => deps.now().getTime() });
    const unlog = deps.bus.subscribe((event) => {
      // events sent while this instance did not hear the bus are in no log: older ids get a reset
      if (event.type === 'bus.reconnected') log.forget();
      if (event.type === 'notifications.changed') log.append(event.storyId, 'notifications.changed', '{}');
      if (event.type !== 'comment.changed') return;
      const data = { id: event.commentId, comment: event.comment, count: event.reactionCount };
      log.append(event.storyId, `comment.${event.change}`, JSON.stringify(data));
    });
    app.addHook('onClose', async () => unlog());

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
      async (request) => resolveEmbedStory(deps, { site: await auth.site(request), ...request.query }),
    );

    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
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
          const { site, user } = await readerOf(auth, request);
          await setStoryClosed(deps, { site, user, storyId: request.params.id, closed: on });
          return reply.code(204).send(null);
        },
      );
    }

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
        const counts = await countComments(deps, { site: await auth.site(request), keys: request.query.keys });
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
          summary:
            'Server-sent events with ids: comment.created, comment.edited, comment.removed, comment.reacted (its new count), notifications.changed; after Last-Event-ID, the missed ones first, or reset (load the thread again)',
          params: Id,
          querystring: Type.Object({
            lastEventId: Type.Optional(Type.String({ maxLength: 100, description: 'as the Last-Event-ID header' })),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const s = await deps.storiesRepository.get(request.params.id);
        if (!s || s.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
        const header = request.headers['last-event-id'];
        const lastId = (typeof header === 'string' && header) || request.query.lastEventId;
        startEventStream(reply);
        // Subscribed before the replay is written, with no await between: nothing falls in the gap.
        const unsubscribe = log.subscribe(s.id, (event) => reply.raw.write(sseFrame(event)));
        const replay = lastId ? log.since(s.id, lastId) : null;
        if (replay?.kind === 'events') for (const event of replay.events) reply.raw.write(sseFrame(event));
        // Too old or from another instance: the reader loads the thread again.
        if (replay?.kind === 'reset') reply.raw.write(`id: ${log.currentId()}\nevent: reset\ndata: {}\n\n`);
        // An id alone sets the reader's last id, so a reconnect before any event still resumes from here.
        else if (!replay?.events.length) reply.raw.write(`id: ${log.currentId()}\n\n`);
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
