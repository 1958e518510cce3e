import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

// Rendered anonymous pages, kept ready to send. A page is dropped when its
// site's content changes (the bus tells us) and after a short lifetime, which
// bounds staleness when another app instance made the change.

export interface CachedPage {
  status: number;
  contentType: string;
  body: Buffer;
  /** compressed once, on first request that accepts it */
  gzip: Buffer | undefined;
  etag: string;
  expiresAt: number;
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

    set(key: string, status: number, contentType: string, body: string): CachedPage {
      const buffer = Buffer.from(body);
      const page: CachedPage = {
        status,
        contentType,
        body: buffer,
        gzip: undefined,
        etag: `"${createHash('sha1').update(buffer).digest('base64url')}"`,
        expiresAt: now() + options.ttlMs,
      };
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
      entries.delete(key);
    },

    /** Forget every page of a site (keys start with the site id). */
    invalidateSite(siteId: string): void {
      const prefix = `${siteId}|`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },

    stats() {
      return { entries: entries.size, hits, misses };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
