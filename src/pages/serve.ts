import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from './page-cache.ts';

export interface Rendered {
  status: number;
  contentType: string;
  body: string;
  location?: string;
  /** surrogate keys of the page (site, section, article, story), for a CDN's purge */
  keys?: string[];
}

// Renders in progress, by cache key: when a popular page expires, the readers
// asking for it at that moment wait for one rendering instead of each doing
// their own (which is what made the 99th percentile spike). A reader arriving
// after an invalidation does not join a render that began before it.
const inflight = new Map<string, { since: number; result: Promise<Rendered> }>();

function renderOnce(cache: PageCache, key: string, render: () => Promise<Rendered>) {
  const running = inflight.get(key);
  if (running && cache.isFresh(key, running.since)) return running;
  const mine = { since: cache.generation(), result: render() };
  inflight.set(key, mine);
  void mine.result
    .finally(() => {
      if (inflight.get(key) === mine) inflight.delete(key);
    })
    .catch(() => {});
  return mine;
}

// Sends an anonymous page from the cache, rendering it on a miss. Proxies may
// keep it as `cacheControl` says and revalidate with the ETag after that; a
// CDN can purge it by its surrogate keys.
export async function serveCached(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    cache: PageCache;
    key: string;
    render: () => Promise<Rendered>;
  } & ({ cacheControl: string } | { maxAge: number }),
): Promise<FastifyReply> {
  const cacheControl =
    'cacheControl' in options ? options.cacheControl : `public, max-age=${options.maxAge}, stale-while-revalidate=60`;
  let page = options.cache.get(options.key);
  if (!page) {
    const { since, result } = renderOnce(options.cache, options.key, options.render);
    const rendered = await result;
    if (rendered.location) {
      return reply
        .code(rendered.status)
        .header('cache-control', cacheControl)
        .redirect(rendered.location, rendered.status as 301);
    }
    page =
      options.cache.get(options.key) ??
      options.cache.set(options.key, rendered.status, rendered.contentType, rendered.body, {
        since,
        keys: rendered.keys ?? [],
      });
  }
  reply.header('etag', page.etag).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
  if (page.keys.length > 0) {
    reply.header('surrogate-key', page.keys.join(' ')).header('cache-tag', page.keys.join(','));
  }
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
