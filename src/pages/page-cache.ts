import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

// Rendered anonymous pages, kept ready to send. A page is dropped when its
// site's content changes (the bus tells every instance) and after a short
// lifetime. A render that started before an invalidation is not stored: the
// renderer takes a generation first and `set` refuses a page older than the
// last invalidation of its key or site.

export interface CachedPage {
  status: number;
  contentType: string;
  body: Buffer;
  /** compressed once, on first request that accepts it */
  gzip: Buffer | undefined;
  etag: string;
  expiresAt: number;
  /** surrogate keys a CDN can purge the page by (Surrogate-Key, Cache-Tag) */
  keys: string[];
}

export interface PageCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, CachedPage>();
  let hits = 0;
  let misses = 0;
  // A logical clock: every invalidation takes the next tick, and a render is
  // stale when its key or its site was invalidated after the tick it began at.
  let clock = 0;
  let floor = 0;
  const invalidatedAt = new Map<string, number>();
  const siteOf = (key: string) => `site:${key.slice(0, key.indexOf('|'))}`;
  const mark = (name: string) => {
    // Bounded memory: past a size, forget the marks and treat every older render as stale.
    if (invalidatedAt.size >= options.maxEntries * 2) {
      invalidatedAt.clear();
      floor = clock + 1;
    }
    invalidatedAt.set(name, ++clock);
  };
  const fresh = (key: string, since: number) =>
    since >= floor && (invalidatedAt.get(key) ?? 0) <= since && (invalidatedAt.get(siteOf(key)) ?? 0) <= since;

  return {
    get(key: string): CachedPage | undefined {
      const page = entries.get(key);
      if (!page || page.expiresAt <= now()) {
        if (page) entries.delete(key);
        misses++;
        return undefined;
      }
      hits++;
      return page;
    },

    /** The tick a render starts at; give it back to `set` so a stale render is not kept. */
    generation(): number {
      return clock;
    },

    /** Whether nothing the page depends on was invalidated since `since`. */
    isFresh(key: string, since: number): boolean {
      return fresh(key, since);
    },

    set(
      key: string,
      status: number,
      contentType: string,
      body: string,
      meta: { since?: number; keys?: string[] } = {},
    ): CachedPage {
      const buffer = Buffer.from(body);
      const page: CachedPage = {
        status,
        contentType,
        body: buffer,
        gzip: undefined,
        etag: `"${createHash('sha1').update(buffer).digest('base64url')}"`,
        expiresAt: now() + options.ttlMs,
        keys: meta.keys ?? [],
      };
      if (meta.since !== undefined && !fresh(key, meta.since)) return page;
      // Map keeps insertion order: the oldest entry goes first when full.
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, page);
      return page;
    },

    gzipped(page: CachedPage): Buffer {
      page.gzip ??= gzipSync(page.body, { level: 6 });
      return page.gzip;
    },

    invalidate(key: string): void {
      mark(key);
      entries.delete(key);
    },

    /** Forget every page of a site (keys start with the site id). */
    invalidateSite(siteId: string): void {
      mark(`site:${siteId}`);
      const prefix = `${siteId}|`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },

    /** Forget everything (after the bus missed events). */
    clear(): void {
      floor = ++clock;
      entries.clear();
    },

    stats() {
      return { entries: entries.size, hits, misses };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
