import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { startEventStream } from '../http/event-stream.ts';
import { readAuditLog } from './audit.usecases.ts';
import { Id, noStore, notices, PAGE, sendPage, staff, staffPage, tags } from './moderation.http.ts';
import { itemView, queuePage, singlePage } from './moderation.pages.ts';
import { QueueQuerySchema } from './moderation.schemas.ts';
import type { Queue, QueueQuery } from './queues.ts';
import { countQueues, listQueue, loadItem } from './queues.usecases.ts';

// The queues: the page under /admin/moderate (forms, no script needed), one
// comment's page, and the JSON the keyboard script uses, with the live events.

function queueQuery(q: Static<typeof QueueQuerySchema>): Omit<QueueQuery, 'siteId'> {
  return {
    queue: q.queue ?? 'pending',
    storyId: q.story,
    sectionId: q.section,
    check: q.check,
    minScore: q.minScore,
    text: q.q,
    author: q.author,
    before: q.before,
    limit: PAGE,
  };
}

export function moderationQueuesRoutes(
  deps: Pick<Services, 'auth' | 'pages' | 'bus' | 'moderationRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    app.get('/admin/moderate', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const { chrome, csrf, site, admin, viewer } = await staffPage(deps, request, reply);
      const q = request.query;
      const queue: Queue = q.queue ?? 'pending';
      const filters: Record<string, string> = {};
      for (const k of ['story', 'section', 'check', 'q', 'author'] as const) if (q[k]) filters[k] = q[k]!;
      if (q.minScore !== undefined) filters.minScore = String(q.minScore);
      const items = await listQueue(deps, site, queueQuery(q));
      const last = items.at(-1);
      // The waiting queues are read oldest first until empty: no next page.
      const next =
        items.length === PAGE && last && queue !== 'pending' && queue !== 'appeals' && queue !== 'reported'
          ? `/admin/moderate?${new URLSearchParams({ queue, ...filters, before: last.createdAt }).toString()}`
          : null;
      return sendPage(
        reply,
        queuePage(chrome, csrf, admin, {
          me: viewer.user.id,
          sections: chrome.sections.map((s) => ({ id: s.id, name: s.name })),
          queue,
          counts: await countQueues(deps, site),
          items,
          filters,
          notice: q.notice ? notices[q.notice] : undefined,
          next,
        }),
      );
    });

    /** One item's markup, for the live list. */
    app.get(
      '/admin/moderate/fragment/:id',
      { schema: { params: Id, querystring: Type.Object({ queue: Type.Optional(Type.String({ maxLength: 20 })) }) } },
      async (request, reply) => {
        const { site } = await staff(auth, request);
        const item = await loadItem(deps, site, request.params.id);
        const csrf = await auth.csrfToken(request, reply);
        const back = `/admin/moderate?queue=${request.query.queue ?? 'pending'}`;
        return sendPage(reply, itemView(item, csrf, site.timeZone, back));
      },
    );

    app.get('/admin/moderate/comments/:id', { schema: { params: Id } }, async (request, reply) => {
      const { chrome, csrf, site, admin } = await staffPage(deps, request, reply);
      const item = await loadItem(deps, site, request.params.id);
      const history = await readAuditLog(deps, site, { limit: 50, targetId: item.id });
      return sendPage(reply, singlePage(chrome, csrf, admin, item, history));
    });

    app.get(
      '/api/admin/moderate/queue',
      {
        schema: {
          tags,
          summary: 'A queue of comments with every check, reports and the author',
          querystring: QueueQuerySchema,
        },
      },
      async (request, reply) => {
        const { site } = await staff(auth, request);
        reply.headers(noStore);
        return { items: await listQueue(deps, site, queueQuery(request.query)), counts: await countQueues(deps, site) };
      },
    );

    app.get('/api/admin/moderate/comments/:id', { schema: { tags, params: Id } }, async (request, reply) => {
      const { site } = await staff(auth, request);
      reply.headers(noStore);
      return { item: await loadItem(deps, site, request.params.id) };
    });

    /** Held, reported and appealed comments as they arrive, and decisions as they are made. */
    app.get(
      '/api/admin/moderate/events',
      { schema: { tags, summary: 'Server-sent events: moderation.queued, moderation.decided' } },
      async (request, reply) => {
        const { site } = await staff(auth, request);
        startEventStream(reply);
        const unsubscribe = deps.bus.subscribe((event) => {
          if (event.type !== 'moderation.changed' || event.siteId !== site.id) return;
          reply.raw.write(
            `event: moderation.${event.change}\ndata: ${JSON.stringify({ id: event.commentId, by: event.by ?? null })}\n\n`,
          );
        });
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
