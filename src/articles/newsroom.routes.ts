import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { AppError } from '../shared/errors.ts';
import {
  ArticleBody,
  Id,
  input,
  type NewsroomHttpDeps,
  newsroomHttp,
  notices,
  num,
  Str,
  scheduleAt,
  send,
  Workflow,
} from './newsroom.http.ts';
import { articleListPage } from './newsroom.pages.ts';

// The newsroom's articles: editors' pages and API under /admin (editors and
// admins only): writing, the workflow, revisions.

export function newsroomRoutes(deps: NewsroomHttpDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { newsroom: uc } = deps;
    const { editor, chrome, editorView, formAction } = newsroomHttp(deps);
    const tags = ['newsroom'];

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
  };
}
