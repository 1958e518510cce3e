import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { Str } from './newsroom.http.ts';
import { searchPage } from './newsroom.pages.ts';

// Readers' search of published articles.

export function searchRoutes(
  deps: Pick<Services, 'articlesRepository' | 'newsroomRepository' | 'pages' | 'siteResolver'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
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
  };
}
