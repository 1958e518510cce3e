import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../core/services.ts';
import { iconIco, iconPng, iconSvg, webManifest } from './icons.ts';

// The favicon and the web app manifest (browsers ask for them on every site).

const DAY = 'public, max-age=86400';

export function iconsRoutes(deps: Pick<Services, 'siteResolver'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const hidden = { schema: { hide: true } };
    app.get('/favicon.ico', hidden, async (_request, reply) =>
      reply
        .header('content-type', 'image/x-icon')
        .header('cache-control', DAY)
        .send(await iconIco()),
    );
    app.get('/icon.svg', hidden, async (_request, reply) =>
      reply.header('content-type', 'image/svg+xml').header('cache-control', DAY).send(iconSvg),
    );
    for (const size of [192, 512]) {
      app.get(`/icon-${size}.png`, hidden, async (_request, reply) =>
        reply
          .header('content-type', 'image/png')
          .header('cache-control', DAY)
          .send(await iconPng(size)),
      );
    }
    app.get('/manifest.webmanifest', hidden, async (request, reply) => {
      const site = await deps.siteResolver.resolve(request.headers.host);
      return reply
        .header('content-type', 'application/manifest+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(JSON.stringify(webManifest(site)));
    });
  };
}
