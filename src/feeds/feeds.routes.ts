import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app/deps.ts';
import { serveCached } from '../pages/serve.ts';
import { urls } from '../pages/urls.ts';
import type { Site } from '../sites/sites.repository.ts';
import { rssFeed } from './rss.ts';
import { sitemap } from './sitemap.ts';

const FEED_SIZE = 50;
// The sitemap protocol allows 50,000 addresses a file; a sitemap index joins
// when a site outgrows that (the newsroom issue adds it with the news sitemap).
const SITEMAP_SIZE = 45_000;

export function feedsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { articles, siteResolver, pageCache, config } = deps;

    async function feed(site: Site, title: string, description: string, pagePath: string, feedPath: string, sectionId?: string) {
      const items = await articles.listPublished({ siteId: site.id, limit: FEED_SIZE, ...(sectionId ? { sectionId } : {}) });
      const authorNames = await articles.authorNames(items.map((a) => a.id));
      return rssFeed({ site, title, description, pagePath, feedPath, items, authorNames });
    }

    const RSS = 'application/rss+xml; charset=utf-8';
    const XML = 'application/xml; charset=utf-8';

    app.get('/feed.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/feed.xml`,
        maxAge: config.pageMaxAge,
        render: async () => ({ status: 200, contentType: RSS, body: await feed(site, site.name, site.tagline || site.name, '/', urls.siteFeed()) }),
      });
    });

    app.get('/:section/feed.xml', { schema: { params: Type.Object({ section: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      const slug = request.params.section;
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/${slug}/feed.xml`,
        maxAge: config.pageMaxAge,
        render: async () => {
          const section = await articles.getSectionBySlug(site.id, slug);
          if (!section) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'No such section.' };
          const title = `${site.name}: ${section.name}`;
          return { status: 200, contentType: RSS, body: await feed(site, title, section.description || title, urls.section(slug), urls.sectionFeed(slug), section.id) };
        },
      });
    });

    app.get('/sitemap.xml', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|/sitemap.xml`,
        maxAge: config.pageMaxAge,
        render: async () => {
          const [sections, list] = await Promise.all([articles.listSections(site.id), articles.listForSitemap(site.id, SITEMAP_SIZE)]);
          const entries = [
            { path: '/', ...(list[0] ? { lastModified: list[0].modifiedAt } : {}) },
            ...sections.map((s) => ({ path: urls.section(s.slug) })),
            ...list.map((a) => ({ path: urls.articleBySlugs(a.sectionSlug, a.slug), lastModified: a.modifiedAt })),
          ];
          return { status: 200, contentType: XML, body: sitemap(site, entries) };
        },
      });
    });

    app.get('/robots.txt', async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', `public, max-age=${config.pageMaxAge}`)
        .send(`User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /account/\n\nSitemap: ${urls.absolute(site, urls.sitemap())}\n`);
    });
  };
}
