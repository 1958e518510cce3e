import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import type { SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { fromLocalDateTime } from '../time/format.ts';
import { newsroomErrors as E } from './newsroom.errors.ts';
import { articleListPage, editorPage, liveAdminPage, searchPage } from './newsroom.pages.ts';
import type { ArticleInput } from './newsroom.usecases.ts';

// The newsroom: editors' pages and API under /admin (editors and admins
// only), and what readers get from it: search, Top News, live streams.

const EDITORS = ['editor', 'admin'] as const;
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Str = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const ArticleBody = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('article'), Type.Literal('liveblog')])),
  headline: Type.String({ maxLength: 200 }),
  shortTitle: Str(80),
  standfirst: Type.String({ maxLength: 500 }),
  bodyText: Type.String({ maxLength: 100_000 }),
  sectionId: Type.String({ maxLength: 40 }),
  tags: Str(500),
  authorIds: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })]),
  ),
  dateline: Str(60),
  slug: Str(80),
  seoTitle: Str(120),
  seoDescription: Str(300),
  commentsOpen: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })])),
  liveTopic: Str(40),
  version: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })])),
  _csrf: Str(200),
});
const Workflow = Type.Object({
  version: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })]),
  at: Str(40),
  note: Str(1000),
  revisionId: Str(40),
  _csrf: Str(200),
});
const EntryBody = Type.Object({
  headline: Type.String({ minLength: 1, maxLength: 200 }),
  text: Type.String({ minLength: 1, maxLength: 20_000 }),
  keyEvent: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })])),
  _csrf: Str(200),
});

const flag = (v: boolean | string | undefined) => v === true || v === 'yes' || v === 'true' || v === 'on';
/** The version an editor saw: a whole number from 0 (below 0 the repository would insert a copy: a 500). */
const num = (v: number | string | undefined) => {
  const n = Number(v ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647)
    throw new AppError(commonErrors.VALIDATION_FAILED, 'version: a whole number from 0.');
  return n;
};

function input(b: Static<typeof ArticleBody>, form: boolean): ArticleInput {
  return {
    kind: b.kind,
    headline: b.headline,
    shortTitle: b.shortTitle,
    standfirst: b.standfirst,
    bodyText: b.bodyText,
    sectionId: b.sectionId,
    tags: b.tags,
    authorIds:
      b.authorIds === undefined ? (form ? [] : undefined) : Array.isArray(b.authorIds) ? b.authorIds : [b.authorIds],
    dateline: b.dateline,
    slug: b.slug,
    seoTitle: b.seoTitle,
    seoDescription: b.seoDescription,
    // An unticked box sends nothing.
    commentsOpen: b.commentsOpen === undefined ? (form ? false : undefined) : flag(b.commentsOpen),
    liveTopic: b.liveTopic,
  };
}

const notices: Record<string, string> = {
  saved: 'Saved.',
  published: 'Published: it is on the site now.',
  scheduled: 'Scheduled: it will be published at the time given.',
  unpublished: 'Unpublished: readers no longer see it.',
  updated: 'Marked as updated: the page shows "Updated" with the time.',
  corrected: 'The correction is on the page.',
  restored: 'The earlier version is back (as a new revision).',
  posted: 'Posted: readers see it now.',
  banner: 'The banner is changed on every open page.',
  ended: 'The coverage has ended.',
};

function send(reply: FastifyReply, page: SafeHtml, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(page.toString());
}

export function newsroomRoutes(
  deps: Pick<
    Services,
    | 'articlesRepository'
    | 'auth'
    | 'bus'
    | 'liveHub'
    | 'liveblogsRepository'
    | 'newsroom'
    | 'newsroomRepository'
    | 'pages'
    | 'siteResolver'
    | 'views'
  >,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, newsroom: uc } = deps;
    const tags = ['newsroom'];

    async function editor(request: FastifyRequest) {
      const viewer = await auth.requireUser(request, [...EDITORS]);
      return { viewer, site: await auth.site(request) };
    }

    async function chrome(request: FastifyRequest, reply: FastifyReply) {
      const { viewer, site } = await editor(request);
      const csrf = await auth.csrfToken(request, reply);
      const c = await deps.pages.chrome(site);
      return {
        chrome: { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } },
        csrf,
        viewer,
        site,
      };
    }

    function scheduleAt(site: Site, at: string | undefined): string {
      const d = at ? (/[zZ]|[+-]\d\d:\d\d$/.test(at) ? new Date(at) : fromLocalDateTime(at, site.timeZone)) : undefined;
      if (!d || Number.isNaN(d.getTime()))
        throw new AppError(E.SCHEDULE_IN_PAST, 'Give the date and time to publish at.');
      return d.toISOString();
    }

    async function editorView(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      extra: { notice?: string | undefined; error?: string | undefined; kind?: 'article' | 'liveblog' },
      status = 200,
    ) {
      const { chrome: c, csrf, site } = await chrome(request, reply);
      const article = id ? await uc.get(site, id) : null;
      const [authors, revisions] = await Promise.all([
        deps.articlesRepository.listAuthors(site.id),
        id ? uc.revisions(id) : [],
      ]);
      const sectionSlug = article ? c.sections.find((s) => s.id === article.sectionId)?.slug : undefined;
      return send(
        reply,
        editorPage(c, csrf, {
          article,
          kind: extra.kind ?? 'article',
          sections: c.sections,
          authors,
          revisions,
          notice: extra.notice,
          error: extra.error,
          sectionSlug,
        }),
        status,
      );
    }

    /** A form action: on success back to the editor with a notice; on a mistake the editor with the reason. */
    async function formAction(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      run: () => Promise<unknown>,
      notice: string,
    ) {
      try {
        await run();
        return reply.redirect(`/admin/articles/${id}?notice=${notice}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.code === 'NOT_LOGGED_IN' || err.code === 'FORBIDDEN')
          throw err;
        return editorView(request, reply, id, { error: err.message }, err.status);
      }
    }

    // --- editors' pages

    app.get(
      '/admin/articles',
      { schema: { querystring: Type.Object({ q: Str(200), notice: Str(20) }) } },
      async (request, reply) => {
        const { chrome: c, site } = await chrome(request, reply);
        return send(
          reply,
          articleListPage(
            c,
            await uc.list(site, { text: request.query.q, limit: 100 }),
            request.query.q ?? '',
            request.query.notice ? notices[request.query.notice] : undefined,
          ),
        );
      },
    );

    app.get(
      '/admin/articles/new',
      {
        schema: {
          querystring: Type.Object({
            kind: Type.Optional(Type.Union([Type.Literal('article'), Type.Literal('liveblog')])),
          }),
        },
      },
      async (request, reply) => editorView(request, reply, null, { kind: request.query.kind ?? 'article' }),
    );

    app.post('/admin/articles', { schema: { body: ArticleBody } }, async (request, reply) => {
      const { viewer, site } = await editor(request);
      try {
        const a = await uc.create(site, viewer.user, input(request.body, true));
        return reply.redirect(`/admin/articles/${a.id}?notice=saved`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return editorView(
          request,
          reply,
          null,
          { error: err.message, kind: request.body.kind ?? 'article' },
          err.status,
        );
      }
    });

    app.get(
      '/admin/articles/:id',
      { schema: { params: Id, querystring: Type.Object({ notice: Str(20) }) } },
      async (request, reply) =>
        editorView(request, reply, request.params.id, {
          notice: request.query.notice ? notices[request.query.notice] : undefined,
        }),
    );

    app.post('/admin/articles/:id', { schema: { params: Id, body: ArticleBody } }, async (request, reply) => {
      const { viewer, site } = await editor(request);
      return formAction(
        request,
        reply,
        request.params.id,
        () => uc.update(site, viewer.user, request.params.id, num(request.body.version), input(request.body, true)),
        'saved',
      );
    });

    for (const [path, notice] of [
      ['publish', 'published'],
      ['schedule', 'scheduled'],
      ['unpublish', 'unpublished'],
      ['update', 'updated'],
      ['correct', 'corrected'],
      ['restore', 'restored'],
    ] as const) {
      const run = async (request: FastifyRequest & { params: { id: string }; body: Static<typeof Workflow> }) => {
        const { viewer, site } = await editor(request);
        const { id } = request.params;
        const v = num(request.body.version);
        const b = request.body;
        switch (path) {
          case 'publish':
            return uc.publish(site, viewer.user, id, v);
          case 'schedule':
            return uc.schedule(site, viewer.user, id, v, scheduleAt(site, b.at));
          case 'unpublish':
            return uc.unpublish(site, viewer.user, id, v);
          case 'update':
            return uc.markUpdated(site, viewer.user, id, v);
          case 'correct':
            return uc.correct(site, viewer.user, id, v, b.note ?? '');
          case 'restore':
            return uc.restore(site, viewer.user, id, v, b.revisionId ?? '');
        }
      };
      app.post(`/admin/articles/:id/${path}`, { schema: { params: Id, body: Workflow } }, async (request, reply) =>
        formAction(request, reply, request.params.id, () => run(request), notice),
      );
      app.post(
        `/api/admin/articles/:id/${path}`,
        {
          schema: {
            tags,
            summary: `${path} (conditional on the version seen: 409 otherwise)`,
            params: Id,
            body: Workflow,
          },
        },
        async (request) => ({ article: await run(request) }),
      );
    }

    app.get(
      '/admin/liveblogs/:id',
      { schema: { params: Id, querystring: Type.Object({ notice: Str(20) }) } },
      async (request, reply) => {
        const { chrome: c, csrf, site } = await chrome(request, reply);
        const a = await uc.get(site, request.params.id);
        if (a.kind !== 'liveblog') throw new AppError(E.NOT_A_LIVE_BLOG);
        return send(
          reply,
          liveAdminPage(
            c,
            csrf,
            a,
            await deps.liveblogsRepository.listEntries(a.id, 200),
            request.query.notice ? notices[request.query.notice] : undefined,
          ),
        );
      },
    );

    app.post('/admin/liveblogs/:id/entries', { schema: { params: Id, body: EntryBody } }, async (request, reply) => {
      const { site } = await editor(request);
      await uc.postEntry(site, request.params.id, {
        headline: request.body.headline,
        text: request.body.text,
        keyEvent: flag(request.body.keyEvent),
      });
      return reply.redirect(`/admin/liveblogs/${request.params.id}?notice=posted`, 303);
    });

    app.post(
      '/admin/liveblogs/:id/entries/:entryId',
      {
        schema: {
          params: Type.Object({ id: Type.String({ maxLength: 40 }), entryId: Type.String({ maxLength: 40 }) }),
          body: EntryBody,
        },
      },
      async (request, reply) => {
        const { site } = await editor(request);
        await uc.editEntry(site, request.params.id, request.params.entryId, {
          headline: request.body.headline,
          text: request.body.text,
          keyEvent: flag(request.body.keyEvent),
        });
        return reply.redirect(`/admin/liveblogs/${request.params.id}?notice=saved`, 303);
      },
    );

    app.post(
      '/admin/liveblogs/:id/entries/:entryId/delete',
      {
        schema: {
          params: Type.Object({ id: Type.String({ maxLength: 40 }), entryId: Type.String({ maxLength: 40 }) }),
          body: Type.Object({ _csrf: Str(200) }),
        },
      },
      async (request, reply) => {
        const { site } = await editor(request);
        await uc.deleteEntry(site, request.params.id, request.params.entryId);
        return reply.redirect(`/admin/liveblogs/${request.params.id}?notice=saved`, 303);
      },
    );

    const Banner = Type.Object({
      version: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })]),
      on: Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })]),
      topic: Str(40),
      _csrf: Str(200),
    });
    app.post('/admin/liveblogs/:id/banner', { schema: { params: Id, body: Banner } }, async (request, reply) => {
      const { viewer, site } = await editor(request);
      await uc.setBanner(
        site,
        viewer.user,
        request.params.id,
        num(request.body.version),
        flag(request.body.on),
        request.body.topic,
      );
      return reply.redirect(`/admin/liveblogs/${request.params.id}?notice=banner`, 303);
    });
    for (const end of ['end', 'reopen'] as const) {
      app.post(`/admin/liveblogs/:id/${end}`, { schema: { params: Id, body: Workflow } }, async (request, reply) => {
        const { viewer, site } = await editor(request);
        if (end === 'end') await uc.endCoverage(site, viewer.user, request.params.id, num(request.body.version));
        else await uc.reopenCoverage(site, viewer.user, request.params.id, num(request.body.version));
        return reply.redirect(`/admin/liveblogs/${request.params.id}?notice=${end === 'end' ? 'ended' : 'saved'}`, 303);
      });
    }

    // --- editors' API

    app.get(
      '/api/admin/articles',
      { schema: { tags, summary: 'Every article, any state; q searches', querystring: Type.Object({ q: Str(200) }) } },
      async (request) => {
        const { site } = await editor(request);
        return { articles: await uc.list(site, { text: request.query.q, limit: 100 }) };
      },
    );
    app.post(
      '/api/admin/articles',
      { schema: { tags, summary: 'Create a draft', body: ArticleBody } },
      async (request, reply) => {
        const { viewer, site } = await editor(request);
        return reply.code(201).send({ article: await uc.create(site, viewer.user, input(request.body, false)) });
      },
    );
    app.get('/api/admin/articles/:id', { schema: { tags, params: Id } }, async (request) => {
      const { site } = await editor(request);
      const article = await uc.get(site, request.params.id);
      return {
        article,
        state: uc.state(article),
        revisions: (await uc.revisions(article.id)).map((r) => ({
          id: r.id,
          editorName: r.editorName,
          createdAt: r.createdAt,
        })),
      };
    });
    app.put(
      '/api/admin/articles/:id',
      { schema: { tags, summary: 'Save (conditional on version)', params: Id, body: ArticleBody } },
      async (request) => {
        const { viewer, site } = await editor(request);
        return {
          article: await uc.update(
            site,
            viewer.user,
            request.params.id,
            num(request.body.version),
            input(request.body, false),
          ),
        };
      },
    );
    app.post(
      '/api/admin/liveblogs/:id/entries',
      { schema: { tags, summary: 'Post a live entry: open pages get it at once', params: Id, body: EntryBody } },
      async (request, reply) => {
        const { site } = await editor(request);
        return reply.code(201).send(
          await uc.postEntry(site, request.params.id, {
            headline: request.body.headline,
            text: request.body.text,
            keyEvent: flag(request.body.keyEvent),
          }),
        );
      },
    );
    app.post('/api/admin/liveblogs/:id/banner', { schema: { tags, params: Id, body: Banner } }, async (request) => {
      const { viewer, site } = await editor(request);
      return {
        article: await uc.setBanner(
          site,
          viewer.user,
          request.params.id,
          num(request.body.version),
          flag(request.body.on),
          request.body.topic,
        ),
      };
    });
    app.put(
      '/api/admin/top-picks',
      {
        schema: {
          tags,
          summary: "Editors' picks for Top News Today, in order",
          body: Type.Object({ articleIds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }) }),
        },
      },
      async (request, reply) => {
        const { site } = await editor(request);
        const ids = [...new Set(request.body.articleIds)];
        for (const id of ids)
          if (!(await deps.articlesRepository.summaryById(site.id, id))) throw new AppError(E.ARTICLE_NOT_FOUND);
        await deps.articlesRepository.setTopPicks(site.id, ids);
        deps.bus.publish({ type: 'content.changed', siteId: site.id });
        return reply.code(204).send();
      },
    );

    // --- for readers

    app.get('/search', { schema: { querystring: Type.Object({ q: Str(200) }) } }, async (request, reply) => {
      const site = await deps.siteResolver.resolve(request.headers.host);
      const q = (request.query.q ?? '').trim();
      const ids = q ? await deps.newsroomRepository.searchIds(site.id, q, 30, true) : [];
      const found = (
        await Promise.all(ids.filter((id) => id !== '-').map((id) => deps.articlesRepository.summaryById(site.id, id)))
      ).filter((a) => a !== undefined);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(searchPage(await deps.pages.chrome(site), q, found).toString());
    });

    app.get(
      '/api/top-news',
      {
        schema: {
          tags,
          summary: "Top News Today (editors' picks, then ranked by readers and comments) and Most discussed today",
        },
      },
      async (request, reply) => {
        const site = await deps.siteResolver.resolve(request.headers.host);
        const [top, discussed] = await Promise.all([deps.pages.topNews(site), deps.pages.mostDiscussedToday(site)]);
        const item = (a: (typeof top)[number]) => ({
          id: a.id,
          headline: a.headline,
          url: `/${a.section.slug}/${a.slug}`,
          publishedAt: a.publishedAt,
          live: a.kind === 'liveblog' && a.liveStatus === 'live',
        });
        return reply
          .header('cache-control', 'public, max-age=30')
          .send({ topNews: top.map(item), mostDiscussed: discussed.map(item) });
      },
    );

    /** A reader's page view, sent by the page's script (navigator.sendBeacon: text/plain, no cookies needed). */
    const publishedIds = new Map<string, boolean>();
    app.register(async (scope) => {
      scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 200 }, (_request, body, done) =>
        done(null, body),
      );
      scope.post(
        '/api/views',
        {
          config: { csrf: false },
          schema: {
            tags,
            summary: 'Count a page view (the article id as the body); answers 204 whether counted or not',
          },
        },
        async (request, reply) => {
          const site = await deps.siteResolver.resolve(request.headers.host);
          const id = (typeof request.body === 'string' ? request.body : '').trim().slice(0, 40);
          const key = `${site.id}|${id}`;
          let ok = publishedIds.get(key);
          if (ok === undefined) {
            ok = /^[a-z0-9]+$/i.test(id) && (await deps.articlesRepository.summaryById(site.id, id)) !== undefined;
            if (publishedIds.size > 50_000) publishedIds.clear();
            publishedIds.set(key, ok);
          }
          if (ok) deps.views.hit(site, id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
          return reply.code(204).header('cache-control', 'no-store').send();
        },
      );
    });

    /** The banner for every open page, and a live blog's entries for its readers (server-sent events). */
    app.get(
      '/api/live/events',
      {
        schema: {
          tags,
          summary: 'Server-sent events: banner, entry, entry-removed',
          querystring: Type.Object({ blog: Str(40) }),
        },
      },
      async (request, reply) => {
        const site = await deps.siteResolver.resolve(request.headers.host);
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        reply.raw.write('retry: 3000\n\n');
        const close = deps.liveHub.open(site.id, request.query.blog ?? null, reply.raw);
        const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          close();
        });
        return reply;
      },
    );
  };
}
