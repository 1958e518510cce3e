import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { accountErrors } from '../accounts/accounts.errors.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { SafeHtml } from '../shared/html.ts';
import { startOfLocalDay } from '../time/format.ts';
import { dashboard, dashboardView } from './dashboard.ts';
import { auditPage, authorPage, itemView, moderationPage, queuePage, singlePage } from './moderation.pages.ts';
import type { Queue } from './moderation.repository.ts';
import { BulkBody, DecisionBody, QueueQuerySchema, SanctionBody } from './moderation.schemas.ts';

// The moderators' workspace: pages under /admin/moderate (forms, no script
// needed) and the JSON API the keyboard script uses. Moderators and admins
// only, and only on their own site: every lookup is scoped to the viewer's site.

const STAFF = ['moderator', 'admin'] as const;
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const PAGE = 25;
const notices: Record<string, string> = {
  decided: 'Done.',
  sanctioned: 'The sanction is applied and the reader has been told.',
  noted: 'The note is saved.',
  conflict: 'Another moderator decided that comment first: the list shows what they decided.',
};

function send(reply: FastifyReply, page: SafeHtml, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(page.toString());
}

export function moderationRoutes(
  deps: Pick<Services, 'auth' | 'bus' | 'moderation' | 'moderationRepository' | 'now' | 'pages'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, moderation: uc } = deps;
    const tags = ['moderate'];

    async function staff(request: FastifyRequest) {
      const viewer = await auth.requireUser(request, [...STAFF]);
      return { viewer, site: await auth.site(request) };
    }

    async function chrome(request: FastifyRequest, reply: FastifyReply) {
      const { viewer, site } = await staff(request);
      const csrf = await auth.csrfToken(request, reply);
      const c = await deps.pages.chrome(site);
      return {
        chrome: { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } },
        csrf,
        viewer,
        site,
        admin: viewer.user.role === 'admin',
      };
    }

    // --- pages

    app.get('/admin/moderate', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const { chrome: c, csrf, site, admin, viewer } = await chrome(request, reply);
      const q = request.query;
      const queue: Queue = q.queue ?? 'pending';
      const filters: Record<string, string> = {};
      for (const k of ['story', 'section', 'check', 'q', 'author'] as const) if (q[k]) filters[k] = q[k]!;
      if (q.minScore !== undefined) filters.minScore = String(q.minScore);
      const items = await uc.queue(site, {
        queue,
        storyId: q.story,
        sectionId: q.section,
        check: q.check,
        minScore: q.minScore,
        text: q.q,
        author: q.author,
        before: q.before,
        limit: PAGE,
      });
      const last = items.at(-1);
      const next =
        items.length === PAGE && last && queue !== 'pending' && queue !== 'appeals' && queue !== 'reported'
          ? `/admin/moderate?${new URLSearchParams({ queue, ...filters, before: last.createdAt }).toString()}`
          : null;
      return send(
        reply,
        queuePage(c, csrf, admin, {
          me: viewer.user.id,
          sections: c.sections.map((s) => ({ id: s.id, name: s.name })),
          queue,
          counts: await uc.counts(site),
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
        const { site } = await staff(request);
        const item = await uc.item(site, request.params.id);
        const csrf = await auth.csrfToken(request, reply);
        return send(
          reply,
          itemView(item, csrf, site.timeZone, `/admin/moderate?queue=${request.query.queue ?? 'pending'}`),
        );
      },
    );

    app.get('/admin/moderate/comments/:id', { schema: { params: Id } }, async (request, reply) => {
      const { chrome: c, csrf, site, admin } = await chrome(request, reply);
      const item = await uc.item(site, request.params.id);
      return send(reply, singlePage(c, csrf, admin, item, await uc.auditLog(site, { limit: 50, targetId: item.id })));
    });

    app.post(
      '/admin/moderate/comments/:id/decide',
      { schema: { params: Id, body: DecisionBody } },
      async (request, reply) => {
        const { viewer, site } = await staff(request);
        const back = request.body.return?.startsWith('/admin/moderate') ? request.body.return : '/admin/moderate';
        const sep = back.includes('?') ? '&' : '?';
        try {
          await uc.decide(site, viewer.user, request.params.id, request.body);
          return reply.redirect(`${back}${sep}notice=decided`, 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'DECISION_CONFLICT')
            return reply.redirect(`${back}${sep}notice=conflict`, 303);
          throw err;
        }
      },
    );

    app.get(
      '/admin/moderate/authors/:id',
      { schema: { params: Id, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) } },
      async (request, reply) => {
        const { chrome: c, csrf, site, admin } = await chrome(request, reply);
        return send(
          reply,
          authorPage(
            c,
            csrf,
            admin,
            await uc.author(site, request.params.id),
            request.query.notice ? notices[request.query.notice] : undefined,
          ),
        );
      },
    );

    app.post(
      '/admin/moderate/authors/:id/sanction',
      { schema: { params: Id, body: SanctionBody } },
      async (request, reply) => {
        const { viewer, site } = await staff(request);
        const b = request.body;
        // A date is a day in the site's zone; the suspension ends as that day begins there.
        const until = b.until
          ? startOfLocalDay(new Date(`${b.until}T12:00:00Z`), site.timeZone).toISOString()
          : undefined;
        await uc.sanction(site, viewer.user, request.params.id, { kind: b.kind, until, reason: b.reason });
        return reply.redirect(`/admin/moderate/authors/${request.params.id}?notice=sanctioned`, 303);
      },
    );

    app.post(
      '/admin/moderate/authors/:id/notes',
      {
        schema: {
          params: Id,
          body: Type.Object({
            note: Type.String({ minLength: 1, maxLength: 2000 }),
            _csrf: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        const { viewer, site } = await staff(request);
        await uc.addNote(site, viewer.user, request.params.id, request.body.note);
        return reply.redirect(`/admin/moderate/authors/${request.params.id}?notice=noted`, 303);
      },
    );

    app.get(
      '/admin/moderate/audit',
      { schema: { querystring: Type.Object({ before: Type.Optional(Type.String({ maxLength: 40 })) }) } },
      async (request, reply) => {
        const { chrome: c, site, viewer } = await chrome(request, reply);
        if (viewer.user.role !== 'admin')
          throw new AppError(accountErrors.FORBIDDEN, 'Only admins can read the audit log.');
        const entries = await uc.auditLog(site, {
          limit: 100,
          ...(request.query.before ? { before: request.query.before } : {}),
        });
        return send(
          reply,
          auditPage(
            c,
            entries,
            entries.length === 100
              ? `/admin/moderate/audit?before=${encodeURIComponent(entries.at(-1)!.created_at)}`
              : null,
          ),
        );
      },
    );

    app.get('/admin/moderate/dashboard', async (request, reply) => {
      const { chrome: c, site, admin } = await chrome(request, reply);
      const d = await dashboard(deps.moderationRepository, site.id, site.timeZone, deps.now());
      return send(reply, moderationPage(c, 'Moderation dashboard', dashboardView(d), admin));
    });

    // --- JSON API

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
        const { site } = await staff(request);
        const q = request.query;
        reply.header('cache-control', 'private, no-store');
        return {
          items: await uc.queue(site, {
            queue: q.queue ?? 'pending',
            storyId: q.story,
            sectionId: q.section,
            check: q.check,
            minScore: q.minScore,
            text: q.q,
            author: q.author,
            before: q.before,
            limit: PAGE,
          }),
          counts: await uc.counts(site),
        };
      },
    );

    app.get('/api/admin/moderate/comments/:id', { schema: { tags, params: Id } }, async (request, reply) => {
      const { site } = await staff(request);
      reply.header('cache-control', 'private, no-store');
      return { item: await uc.item(site, request.params.id) };
    });

    app.post(
      '/api/admin/moderate/comments/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve, refuse, feature: conditional on the version seen (409 with the current state otherwise)',
          params: Id,
          body: DecisionBody,
        },
      },
      async (request) => {
        const { viewer, site } = await staff(request);
        return uc.decide(site, viewer.user, request.params.id, request.body);
      },
    );

    app.post(
      '/api/admin/moderate/bulk',
      { schema: { tags, summary: 'One decision on many comments; each reports its own result', body: BulkBody } },
      async (request) => {
        const { viewer, site } = await staff(request);
        const { items, ...d } = request.body;
        return uc.bulk(site, viewer.user, items, d);
      },
    );

    app.post(
      '/api/admin/moderate/undo',
      {
        schema: {
          tags,
          summary: 'Undo a decision (by its audit entry) if nothing changed the comment since',
          body: Type.Object({ auditId: Type.String({ maxLength: 40 }) }),
        },
      },
      async (request) => {
        const { viewer, site } = await staff(request);
        return uc.undo(site, viewer.user, request.body.auditId);
      },
    );

    app.get('/api/admin/moderate/authors/:id', { schema: { tags, params: Id } }, async (request, reply) => {
      const { site } = await staff(request);
      reply.header('cache-control', 'private, no-store');
      return uc.author(site, request.params.id);
    });

    app.post(
      '/api/admin/moderate/authors/:id/sanction',
      {
        schema: {
          tags,
          summary: 'Warn, suspend, ban (refusing their pending comments) or lift; the reader is told',
          params: Id,
          body: SanctionBody,
        },
      },
      async (request) => {
        const { viewer, site } = await staff(request);
        const b = request.body;
        const until = b.until
          ? startOfLocalDay(new Date(`${b.until}T12:00:00Z`), site.timeZone).toISOString()
          : undefined;
        return uc.sanction(site, viewer.user, request.params.id, { kind: b.kind, until, reason: b.reason });
      },
    );

    app.post(
      '/api/admin/moderate/authors/:id/notes',
      { schema: { tags, params: Id, body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }) } },
      async (request, reply) => {
        const { viewer, site } = await staff(request);
        await uc.addNote(site, viewer.user, request.params.id, request.body.note);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/admin/moderate/audit',
      {
        schema: {
          tags,
          summary: 'The audit log (admins)',
          querystring: Type.Object({
            before: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          }),
        },
      },
      async (request, reply) => {
        await auth.requireUser(request, ['admin']);
        const site = await auth.site(request);
        reply.header('cache-control', 'private, no-store');
        return {
          entries: await uc.auditLog(site, {
            limit: request.query.limit ?? 100,
            ...(request.query.before ? { before: request.query.before } : {}),
          }),
        };
      },
    );

    app.get('/api/admin/moderate/dashboard', { schema: { tags } }, async (request, reply) => {
      const { site } = await staff(request);
      reply.header('cache-control', 'private, no-store');
      return dashboard(deps.moderationRepository, site.id, site.timeZone, deps.now());
    });

    /** Held, reported and appealed comments as they arrive, and decisions as they are made. */
    app.get(
      '/api/admin/moderate/events',
      { schema: { tags, summary: 'Server-sent events: moderation.queued, moderation.decided' } },
      async (request, reply) => {
        const { site } = await staff(request);
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        reply.raw.write('retry: 3000\n\n');
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

    // --- the reader's side: appeals and warnings

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
        const { user } = await auth.requireUser(request);
        await uc.appeal(await auth.site(request), user, request.params.id, request.body.text);
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
        const { user } = await auth.requireUser(request);
        await uc.appeal(await auth.site(request), user, request.params.id, request.body.text);
        return reply.redirect('/account/comments', 303);
      },
    );

    app.post(
      '/api/me/warning/acknowledge',
      { schema: { tags, summary: "Acknowledge a moderator's warning" } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await uc.acknowledgeWarning(user);
        return reply.code(204).send();
      },
    );

    app.post(
      '/account/warning/acknowledge',
      { schema: { body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await uc.acknowledgeWarning(user);
        return reply.redirect('/account', 303);
      },
    );
  };
}
