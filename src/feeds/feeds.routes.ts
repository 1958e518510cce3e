import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { serveCached } from '../pages/serve.ts';
import { urls } from '../pages/urls.ts';
import type { Site } from '../sites/sites.repository.ts';
import { rssFeed } from './rss.ts';
import { newsSitemap, sitemap, sitemapIndex } from './sitemap.ts';

const FEED_SIZE = 50;
// The sitemap protocol allows 50,000 addresses a file; the index lists the
// general sitemap and the Google News one (articles of the last two days).
const SITEMAP_SIZE = 45_000;

export function feedsRoutes(
  deps: Pick<Services, 'articlesRepository' | 'config' | 'now' | 'pageCache' | 'siteResolver'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { articlesRepository: articles, siteResolver, pageCache, config } = deps;

    async function feed(
      site: Site,
      title: string,
      description: string,
      pagePath: string,
      feedPath: string,
      sectionId?: string,
      authorId?: string,
    ) {
      const items = await articles.listPublished({
        siteId: site.id,
        limit: FEED_SIZE,
        ...(sectionId ? { sectionId } : {}),
        ...(authorId ? { authorId } : {}),
      });
      const authorNames = await articles.authorNames(items.map((a) => a.id));
      return rssFeed({ site, title, description, pagePath, feedPath, items, authorNames, hub: config.websubHub });
    }

    const RSS = 'application/rss+xml; charset=utf-8';
    const XML = 'application/xml; charset=utf-8';

    app.get('/feed.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/feed.xml`,
        maxAge: config.pageMaxAge,
        render: async () => ({
          status: 200,
          contentType: RSS,
          body: await feed(site, site.name, site.tagline || site.name, '/', urls.siteFeed()),
        }),
      });
    });

    app.get(
      '/:section/feed.xml',
      { schema: { params: Type.Object({ section: Type.String({ maxLength: 200 }) }) } },
      async (request, reply) => {
        const site = await siteResolver.resolve(request.headers.host);
        const slug = request.params.section;
        return serveCached(request, reply, {
          cache: pageCache,
          key: `${site.id}|/${slug}/feed.xml`,
          maxAge: config.pageMaxAge,
          render: async () => {
            const section = await articles.getSectionBySlug(site.id, slug);
            if (!section) return notFound('No such section.');
            const title = `${site.name}: ${section.name}`;
            return {
              status: 200,
              contentType: RSS,
              body: await feed(
                site,
                title,
                section.description || title,
                urls.section(slug),
                urls.sectionFeed(slug),
                section.id,
              ),
            };
          },
        });
      },
    );

    app.get('/sitemap.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/sitemap.xml`,
        maxAge: config.pageMaxAge,
        render: async () => {
          const [sections, list] = await Promise.all([
            articles.listSections(site.id),
            articles.listForSitemap(site.id, SITEMAP_SIZE),
          ]);
          const entries = [
            { path: '/', ...(list[0] ? { lastModified: list[0].modifiedAt } : {}) },
            ...sections.map((s) => ({ path: urls.section(s.slug) })),
            ...list.map((a) => ({ path: urls.articleBySlugs(a.sectionSlug, a.slug), lastModified: a.modifiedAt })),
          ];
          return { status: 200, contentType: XML, body: sitemap(site, entries) };
        },
      });
    });

    app.get(
      '/authors/:slug/feed.xml',
      { schema: { params: Type.Object({ slug: Type.String({ maxLength: 200 }) }) } },
      async (request, reply) => {
        const site = await siteResolver.resolve(request.headers.host);
        const slug = request.params.slug;
        return serveCached(request, reply, {
          cache: pageCache,
          key: `${site.id}|/authors/${slug}/feed.xml`,
          maxAge: config.pageMaxAge,
          render: async () => {
            const author = await articles.getAuthorBySlug(site.id, slug);
            if (!author) return notFound('No such author.');
            const title = `${site.name}: ${author.name}`;
            return {
              status: 200,
              contentType: RSS,
              body: await feed(
                site,
                title,
                author.title || title,
                urls.author(slug),
                `/authors/${slug}/feed.xml`,
                undefined,
                author.id,
              ),
            };
          },
        });
      },
    );

    app.get('/sitemap-news.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/sitemap-news.xml`,
        maxAge: config.pageMaxAge,
        render: async () => {
          const since = new Date(deps.now().getTime() - 2 * 86_400_000).toISOString();
          const list = await articles.listPublished({ siteId: site.id, publishedSince: since, limit: 1000 });
          return {
            status: 200,
            contentType: XML,
            body: newsSitemap(
              site,
              list.map((a) => ({ path: urls.article(a), title: a.headline, publishedAt: a.publishedAt })),
            ),
          };
        },
      });
    });

    app.get('/sitemap-index.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      const [latest] = await articles.listPublished({ siteId: site.id, limit: 1 });
      return reply
        .header('content-type', XML)
        .header('cache-control', `public, max-age=${config.pageMaxAge}`)
        .send(
          sitemapIndex(site, [
            { path: urls.sitemap(), lastModified: latest?.modifiedAt },
            { path: '/sitemap-news.xml', lastModified: latest?.modifiedAt },
          ]),
        );
    });

    /** oEmbed for articles: other sites embed a card with the headline and a link. */
    app.get(
      '/oembed',
      {
        schema: {
          querystring: Type.Object({
            url: Type.String({ maxLength: 2000 }),
            format: Type.Optional(Type.String({ maxLength: 10 })),
            maxwidth: Type.Optional(Type.Integer({ minimum: 100, maximum: 2000 })),
          }),
        },
      },
      async (request, reply) => {
        const site = await siteResolver.resolve(request.headers.host);
        if (request.query.format && request.query.format !== 'json')
          return reply
            .code(501)
            .send({ error: { code: 'FORMAT_NOT_SUPPORTED', message: 'Only JSON oEmbed is served.' } });
        let path: string;
        try {
          const u = new URL(request.query.url);
          if (urls.absolute(site, '/') !== `${u.origin}/`) throw new Error('another site');
          path = u.pathname;
        } catch {
          return reply
            .code(404)
            .send({ error: { code: 'NOT_FOUND', message: 'This address is not an article of this site.' } });
        }
        const slug = path.split('/').filter(Boolean)[1];
        const article = slug ? await articles.getPublishedBySlug(site.id, slug) : undefined;
        if (!article)
          return reply
            .code(404)
            .send({ error: { code: 'NOT_FOUND', message: 'This address is not an article of this site.' } });
        const href = urls.absolute(site, urls.article(article));
        const width = Math.min(request.query.maxwidth ?? 600, 600);
        const esc = (t: string) =>
          t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        return reply.header('cache-control', `public, max-age=${config.pageMaxAge}`).send({
          version: '1.0',
          type: 'rich',
          provider_name: site.name,
          provider_url: urls.absolute(site, '/'),
          title: article.headline,
          author_name: article.authors.map((a) => a.name).join(', ') || undefined,
          width,
          height: 160,
          html: `<blockquote class="parley-embed" style="max-width:${width}px"><p><a href="${esc(href)}">${esc(article.headline)}</a></p><p>${esc(article.standfirst)}</p><p>— ${esc(site.name)}</p></blockquote>`,
        });
      },
    );

    app.get('/robots.txt', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', `public, max-age=${config.pageMaxAge}`)
        .send(
          `User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /account/\n\nSitemap: ${urls.absolute(site, '/sitemap-index.xml')}\n`,
        );
    });
  };
}

/** The error catalogue's shape for a feed that is not there. */
function notFound(message: string) {
  return {
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ error: { code: 'NOT_FOUND', message } }),
  };
}
