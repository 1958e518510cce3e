import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { Str } from './newsroom.http.ts';
import { searchPage } from './newsroom.pages.ts';
import { searchArticles } from './search.usecases.ts';

// Readers' search of published articles.

export function searchRoutes(
  deps: Pick<Services, 'articlesRepository' | 'newsroomRepository' | 'pages' | 'siteResolver'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/search', { schema: { querystring: Type.Object({ q: Str(200) }) } }, async (request, reply) => {
      const site = await deps.siteResolver.resolve(request.headers.host);
      const q = (request.query.q ?? '').trim();
      const found = await searchArticles(deps, { site, text: q });
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(searchPage(await deps.pages.chrome(site), q, found).toString());
    });
  };
}
