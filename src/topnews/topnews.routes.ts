import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type NewsroomHttpDeps, newsroomHttp } from '../articles/newsroom.http.ts';
import type { Services } from '../core/services.ts';
import { sendPrivatePage } from '../http/replies.ts';
import { picksPage } from './picks.pages.ts';
import { setTopPicks } from './topnews.usecases.ts';

// Top News Today for readers' pages and scripts, the page-view beacon that
// feeds it, and the editors' picks.

export function topNewsRoutes(
  deps: NewsroomHttpDeps & Pick<Services, 'bus' | 'siteResolver' | 'topnewsRepository' | 'views'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { editor, chrome } = newsroomHttp(deps);
    const tags = ['newsroom'];

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
          image: a.leadImage
            ? {
                src: a.leadImage.image.fallback,
                srcset: a.leadImage.image.widths.map((w) => `${a.leadImage!.image.base}/${w}.webp ${w}w`).join(', '),
                width: a.leadImage.image.width,
                height: a.leadImage.image.height,
                alt: a.leadImage.alt,
              }
            : null,
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

    app.get(
      '/admin/top-picks',
      { schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) } },
      async (request, reply) => {
        const { chrome: c, csrf, site } = await chrome(request, reply);
        const [picks, latest] = await Promise.all([
          deps.articlesRepository.listTopPicks(site.id),
          deps.articlesRepository.listPublished({ siteId: site.id, limit: 30 }),
        ]);
        const notice = request.query.notice === 'saved' ? 'The picks are saved.' : undefined;
        return sendPrivatePage(reply, picksPage(c, csrf, picks, latest, notice));
      },
    );
    app.post(
      '/admin/top-picks',
      {
        schema: {
          body: Type.Object({
            articleIds: Type.Optional(
              Type.Union([
                Type.String({ maxLength: 40 }),
                Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
              ]),
            ),
            _csrf: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        },
      },
      async (request, reply) => {
        const { site } = await editor(request);
        const ids = request.body.articleIds;
        await setTopPicks(deps, { siteId: site.id, articleIds: ids === undefined ? [] : [ids].flat() });
        return reply.redirect('/admin/top-picks?notice=saved', 303);
      },
    );

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
        await setTopPicks(deps, { siteId: site.id, articleIds: request.body.articleIds });
        return reply.code(204).send();
      },
    );
  };
}
