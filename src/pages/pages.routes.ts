import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../accounts/auth.ts';
import type { Services } from '../core/services.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { assets } from './assets.ts';
import { LOGO, publisherLogo } from './logo.ts';
import type { PageResult, PageViewer } from './pages.usecases.ts';
import { serveCached } from './serve.ts';
import { surrogateKey } from './surrogate-keys.ts';

// Any string: an address that matches no story gets the 404 page, not a validation error.
const Slug = Type.String({ maxLength: 200 });
const Paging = Type.Object({ before: Type.Optional(Type.String({ format: 'date-time' })) });

const HTML = 'text/html; charset=utf-8';

export function pagesRoutes(
  deps: Pick<Services, 'auth' | 'config' | 'pageCache' | 'pages' | 'siteResolver'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { pages, pageCache, siteResolver, config, auth } = deps;
    // Browsers cannot be purged, so they keep a page briefly; a CDN keeps it for
    // the configured age only when a purge hook can take it back at once.
    const short = Math.min(config.pageMaxAge, 10);
    const cacheControl = config.purgeUrl
      ? `public, max-age=${short}, s-maxage=${config.pageMaxAge}, stale-while-revalidate=60`
      : `public, max-age=${short}, s-maxage=${short}, stale-while-revalidate=${short}`;

    /** The signed-in reader, if the request carries a live session. */
    async function viewerOf(request: FastifyRequest, reply: FastifyReply): Promise<PageViewer | undefined> {
      if (!request.cookies[SESSION_COOKIE] && !request.headers.authorization) return undefined;
      const viewer = await auth.viewer(request);
      if (!viewer) return undefined;
      return {
        displayName: viewer.user.displayName,
        role: viewer.user.role,
        csrf: await auth.csrfToken(request, reply),
        user: viewer.user,
      };
    }

    async function page(
      request: FastifyRequest,
      reply: FastifyReply,
      path: string,
      load: (site: Site, viewer?: PageViewer) => Promise<PageResult>,
    ) {
      const site = await siteResolver.resolve(request.headers.host);
      // Signed-in readers get their own page, never stored or shared; everyone
      // else shares the cached one.
      const viewer = await viewerOf(request, reply);
      if (viewer) {
        const result = await load(site, viewer);
        reply.header('cache-control', 'private, no-store');
        if (result.status === 301) return reply.redirect(result.location, 301);
        return reply.code(result.status).header('content-type', HTML).send(result.html.value);
      }
      return serveCached(request, reply, {
        cache: pageCache,
        key: `${site.id}|${path}`,
        cacheControl,
        render: async () => {
          const result = await load(site);
          if (result.status === 301) return { status: 301, contentType: HTML, body: '', location: result.location };
          // Every page lists articles (the front, sections, or Top News beside an article).
          const keys = [surrogateKey.site(site.id), surrogateKey.lists(site.id), ...(result.keys ?? [])];
          return { status: result.status, contentType: HTML, body: result.html.value, keys };
        },
      });
    }

    for (const a of assets) {
      app.get(a.path, async (_request, reply) =>
        reply
          .header('content-type', a.type)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(a.body),
      );
    }

    app.get(LOGO.path, async (request, reply) => {
      const site = await siteResolver.resolve(request.headers.host);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'public, max-age=86400')
        .send(await publisherLogo(site.name));
    });

    app.get('/', async (request, reply) => page(request, reply, '/', (site, viewer) => pages.front(site, viewer)));

    app.get('/community-guidelines', async (request, reply) =>
      page(request, reply, '/community-guidelines', (site, viewer) => pages.guidelines(site, viewer)),
    );

    app.get(
      '/authors/:slug',
      { schema: { params: Type.Object({ slug: Slug }), querystring: Paging } },
      async (request, reply) => {
        const { slug } = request.params;
        const { before } = request.query;
        return page(request, reply, `/authors/${slug}?${before ?? ''}`, (site, viewer) =>
          pages.author(site, slug, before, viewer),
        );
      },
    );

    app.get(
      '/tags/:slug',
      { schema: { params: Type.Object({ slug: Slug }), querystring: Paging } },
      async (request, reply) => {
        const { slug } = request.params;
        const { before } = request.query;
        return page(request, reply, `/tags/${slug}?${before ?? ''}`, (site, viewer) =>
          pages.tag(site, slug, before, viewer),
        );
      },
    );

    // /api/… is the API's: an address it does not know is the catalogue's 404, never a section or article page.
    const notTheApi = (section: string) => {
      if (section === 'api') throw new AppError(commonErrors.NOT_FOUND);
    };

    app.get('/:section', { schema: { params: Type.Object({ section: Slug }) } }, async (request, reply) => {
      notTheApi(request.params.section);
      return reply.redirect(`/${request.params.section}/`, 301);
    });

    app.get(
      '/:section/',
      { schema: { params: Type.Object({ section: Slug }), querystring: Paging } },
      async (request, reply) => {
        const { section } = request.params;
        notTheApi(section);
        const { before } = request.query;
        return page(request, reply, `/${section}/?${before ?? ''}`, (site, viewer) =>
          pages.section(site, section, before, viewer),
        );
      },
    );

    const CommentQuery = Type.Object({
      sort: Type.Optional(
        Type.Union([
          Type.Literal('newest'),
          Type.Literal('oldest'),
          Type.Literal('reactions'),
          Type.Literal('replies'),
        ]),
      ),
      after: Type.Optional(Type.String({ maxLength: 500 })),
      comment: Type.Optional(Type.String({ maxLength: 40 })),
    });

    app.get(
      '/:section/:slug',
      { schema: { params: Type.Object({ section: Slug, slug: Slug }), querystring: CommentQuery } },
      async (request, reply) => {
        const { section, slug } = request.params;
        notTheApi(section);
        const { sort, after, comment } = request.query;
        // The plain address is the one that is cached and shared; comment
        // pages and permalinks are variants of it.
        const variant = sort || after || comment ? `?${sort ?? ''}|${after ?? ''}|${comment ?? ''}` : '';
        return page(request, reply, `/${section}/${slug}${variant}`, (site, viewer) =>
          pages.article(site, section, slug, viewer, { sort, after, comment }),
        );
      },
    );

    // Unknown addresses get the site's own 404 page, not a bare error.
    app.setNotFoundHandler(async (request, reply) => {
      // An API client asked for an address that does not exist: the catalogue's answer, not a page.
      if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?'))
        throw new AppError(commonErrors.NOT_FOUND);
      const site = await siteResolver.resolve(request.headers.host);
      const viewer = await viewerOf(request, reply);
      const result = await pages.notFound(site, viewer);
      if (result.status === 301) return reply.redirect(result.location, 301);
      return reply
        .code(404)
        .header('content-type', HTML)
        .header('cache-control', 'public, max-age=60')
        .send(result.html.value);
    });
  };
}
