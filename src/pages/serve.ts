import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from './page-cache.ts';

export interface Rendered {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

// Renders in progress, by cache key: when a popular page expires, the readers
// asking for it at that moment wait for one rendering instead of each doing
// their own (which is what made the 99th percentile spike).
const inflight = new Map<string, Promise<Rendered>>();

async function renderOnce(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
  let p = inflight.get(key);
  if (!p) {
    p = render().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

// Sends an anonymous page from the cache, rendering it on a miss. Proxies may
// keep it for maxAge seconds and revalidate with the ETag after that.
export async function serveCached(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { cache: PageCache; key: string; maxAge: number; render: () => Promise<Rendered> },
): Promise<FastifyReply> {
  let page = options.cache.get(options.key);
  if (!page) {
    const rendered = await renderOnce(options.key, options.render);
    if (rendered.location) {
      return reply
        .code(rendered.status)
        .header('cache-control', `public, max-age=${options.maxAge}`)
        .redirect(rendered.location, rendered.status as 301);
    }
    page =
      options.cache.get(options.key) ??
      options.cache.set(options.key, rendered.status, rendered.contentType, rendered.body);
  }
  reply
    .header('etag', page.etag)
    .header('cache-control', `public, max-age=${options.maxAge}, stale-while-revalidate=60`)
    .header('vary', 'Accept-Encoding');
  if (page.status === 200 && request.headers['if-none-match'] === page.etag) {
    return reply.code(304).send();
  }
  reply.code(page.status).header('content-type', page.contentType);
  const accepts = request.headers['accept-encoding'];
  if (accepts && /\bgzip\b/.test(accepts) && page.body.length > 1024) {
    return reply.header('content-encoding', 'gzip').send(options.cache.gzipped(page));
  }
  return reply.send(page.body);
}
