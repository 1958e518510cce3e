import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { embedCsp } from '../http/security-headers.ts';
import { escapeHtml } from '../shared/html.ts';
import type { Bundle } from './bundles.ts';

export function embedRoutes(deps: Pick<Services, 'auth' | 'storiesRepository' | 'widget'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { widget, auth, storiesRepository: stories } = deps;
    const { bundles } = widget;

    function serve(b: Bundle, maxAge: string) {
      app.get(b.path, async (request, reply) => {
        reply
          .header('content-type', 'text/javascript; charset=utf-8')
          .header('cache-control', maxAge)
          .header('vary', 'Accept-Encoding')
          .header('access-control-allow-origin', '*');
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? ''))
          return reply.header('content-encoding', 'gzip').send(b.gzip);
        return reply.send(b.body);
      });
    }
    // The loader's address is pasted into publishers' pages, so it cannot carry a hash.
    serve(bundles.loader, 'public, max-age=300');
    serve(bundles.app, 'public, max-age=31536000, immutable');
    serve(bundles.counts, 'public, max-age=31536000, immutable');
    app.get('/embed/counts.js', async (_request, reply) => reply.redirect(bundles.counts.path, 302));

    /** examples/embed.html with this site's public address (PARLEY_PUBLIC_URL on the demo) filled in. */
    const example = readFileSync(new URL('../../examples/embed.html', import.meta.url), 'utf8');
    app.get('/embed/example.html', async (request, reply) => {
      const site = await auth.site(request);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(example.replaceAll('PARLEY_PUBLIC_URL/', `${escapeHtml(site.baseUrl.replace(/\/+$/, ''))}/`));
    });

    app.get(
      '/api/embed/config',
      { schema: { tags: ['stories'], summary: 'What the widget needs to know about the site' } },
      async (request, reply) => {
        const site = await auth.site(request);
        const settings = await stories.getSettings(site.id);
        reply.header('cache-control', 'public, max-age=60');
        return {
          siteName: site.name,
          timeZone: site.timeZone,
          guidelines: site.guidelines.split('\n')[0] ?? '',
          // relative: inside the frame they resolve to Parley's own origin
          guidelinesUrl: '/community-guidelines',
          reactionLabel: settings.reactionLabel,
          maxLength: settings.maxLength,
          editWindowSeconds: settings.editWindowSeconds,
          loginUrl: '/account/login',
          registerUrl: '/account/register',
        };
      },
    );

    /**
     * The page inside the iframe. Only the site's own origin and the origins
     * it lists may frame it (CSP frame-ancestors); anyone else gets a page the
     * browser refuses to show.
     */
    app.get(
      '/embed/frame',
      {
        schema: {
          querystring: Type.Object({
            url: Type.String({ maxLength: 2000 }),
            origin: Type.Optional(Type.String({ maxLength: 300 })),
            storyId: Type.Optional(Type.String({ maxLength: 200 })),
            title: Type.Optional(Type.String({ maxLength: 300 })),
            theme: Type.Optional(Type.String({ maxLength: 10 })),
            lang: Type.Optional(Type.String({ maxLength: 20 })),
            comment: Type.Optional(Type.String({ maxLength: 40 })),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const settings = await stories.getSettings(site.id);
        const own = new URL(site.baseUrl).origin;
        const allowed = [own, ...settings.allowedOrigins];
        const lang = /^[a-zA-Z-]{2,20}$/.test(request.query.lang ?? '') ? request.query.lang! : 'en';
        reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', embedCsp(allowed));
        if (request.query.origin && !allowed.includes(request.query.origin)) {
          return reply
            .code(403)
            .send(
              `<!doctype html><html lang="en"><meta charset="utf-8"><title>Comments</title><p>This site (${escapeHtml(request.query.origin)}) may not embed comments from ${escapeHtml(site.name)}. Its administrator can allow it.</p></html>`,
            );
        }
        return reply.send(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Comments - ${escapeHtml(site.name)}</title><style>body{margin:0;padding:2px}</style></head><body><main id="parley-frame" aria-label="Comments"></main><script src="${bundles.app.path}"></script></body></html>`,
        );
      },
    );
  };
}
