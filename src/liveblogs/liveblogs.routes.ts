import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { newsroomErrors as E } from '../articles/newsroom.errors.ts';
import {
  Banner,
  EntryBody,
  flag,
  Id,
  input,
  type NewsroomHttpDeps,
  newsroomHttp,
  notices,
  num,
  Str,
  send,
  Workflow,
} from '../articles/newsroom.http.ts';
import { liveAdminPage, liveblogListPage } from '../articles/newsroom.pages.ts';
import type { Services } from '../core/services.ts';
import { startEventStream } from '../http/event-stream.ts';
import { AppError } from '../shared/errors.ts';

const NewLiveblog = Type.Object({
  headline: Type.String({ maxLength: 200 }),
  standfirst: Str(500),
  sectionId: Type.String({ maxLength: 40 }),
  liveTopic: Str(40),
  _csrf: Str(200),
});

// Live blogs: the editors' live desk (entries, banner, end of coverage) and
// the stream every open page listens to.

export function liveblogsRoutes(
  deps: NewsroomHttpDeps & Pick<Services, 'liveHub' | 'liveblogsRepository' | 'siteResolver'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { newsroom: uc } = deps;
    const { editor, chrome } = newsroomHttp(deps);
    const tags = ['newsroom'];

    app.get(
      '/admin/liveblogs',
      { schema: { querystring: Type.Object({ notice: Str(20) }) } },
      async (request, reply) => {
        const { chrome: c, csrf, site } = await chrome(request, reply);
        const list = await uc.list(site, { kind: 'liveblog', limit: 200 });
        const notice = request.query.notice ? notices[request.query.notice] : undefined;
        return send(reply, liveblogListPage(c, csrf, list, { notice }));
      },
    );

    /** A new live blog: a draft, live as soon as it is published (the newsroom's own create). */
    app.post('/admin/liveblogs', { schema: { body: NewLiveblog } }, async (request, reply) => {
      const { viewer, site } = await editor(request);
      const body = {
        ...request.body,
        kind: 'liveblog' as const,
        standfirst: request.body.standfirst ?? '',
        bodyText: '',
        commentsOpen: true,
      };
      try {
        const a = await uc.create(site, viewer.user, input(body, true));
        return reply.redirect(`/admin/articles/${a.id}?notice=saved`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const { chrome: c, csrf } = await chrome(request, reply);
        const list = await uc.list(site, { kind: 'liveblog', limit: 200 });
        return send(reply, liveblogListPage(c, csrf, list, { error: err.message }), err.status);
      }
    });

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
        startEventStream(reply);
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
