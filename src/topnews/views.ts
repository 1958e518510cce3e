import { createHash } from 'node:crypto';
import type { Site } from '../sites/sites.repository.ts';
import { localDay } from '../time/format.ts';
import type { TopnewsRepository } from './topnews.repository.ts';

// Page views for Top News. Each article page's script sends one beacon
// (POST /api/views): views served by a CDN or from the page cache count too,
// readers without a browser (crawlers, scripts) mostly do not, and serving the
// page itself costs nothing more. Counted in memory and written in batches (a
// busy article costs one upsert every few seconds, not one per reader); nothing
// about the reader is stored — only a count per article and day. A reload is
// not a new reader: the same network address and browser on the same article
// within half an hour count once (kept as a salted hash in memory only).
// Crawlers do not count.

const SEEN_FOR_MS = 30 * 60_000;
const MAX_SEEN = 200_000;
const BOT = /bot|crawl|spider|slurp|preview|headless|curl|wget|python|httpclient/i;

export function createViewCounter(deps: { topnews: TopnewsRepository; now: () => Date; salt: string }) {
  const pending = new Map<string, { site: Site; day: string; counts: Map<string, number> }>();
  const seen = new Map<string, number>();

  return {
    hit(site: Site, articleId: string, client: { ip: string; userAgent: string }): boolean {
      if (BOT.test(client.userAgent)) return false;
      const now = deps.now().getTime();
      const key = createHash('sha256')
        .update(`${deps.salt}|${client.ip}|${client.userAgent}|${articleId}`)
        .digest('base64url')
        .slice(0, 16);
      const last = seen.get(key);
      if (last !== undefined && now - last < SEEN_FOR_MS) return false;
      if (seen.size >= MAX_SEEN)
        for (const [k, t] of seen) if (now - t >= SEEN_FOR_MS || seen.size >= MAX_SEEN) seen.delete(k);
      seen.set(key, now);
      const day = localDay(deps.now(), site.timeZone);
      const slot = `${site.id}|${day}`;
      const p = pending.get(slot) ?? { site, day, counts: new Map<string, number>() };
      pending.set(slot, p);
      p.counts.set(articleId, (p.counts.get(articleId) ?? 0) + 1);
      return true;
    },

    /** Writes what was counted (every few seconds, and at shutdown). */
    async flush(): Promise<void> {
      const batches = [...pending.values()];
      pending.clear();
      for (const b of batches) await deps.topnews.addViews(b.site.id, b.day, b.counts);
    },
  };
}

export type ViewCounter = ReturnType<typeof createViewCounter>;
