import type { Logger } from 'pino';
import type { Bus } from '../events/bus.ts';
import type { PolicyCache } from '../guidelines/policy-cache.ts';
import type { PageCache } from '../pages/page-cache.ts';
import { startPurgeHook } from '../pages/purge-hook.ts';
import type { SiteResolver } from '../sites/site-resolver.ts';

/** Caches follow the content: every instance hears every change on the bus. */
export function keepCachesFresh(deps: {
  bus: Bus;
  pageCache: PageCache;
  siteResolver: SiteResolver;
  policyCache: PolicyCache;
  /** the CDN's purge hook (PARLEY_PURGE_URL), told of the same changes */
  purge?: { url: string | undefined; log: Logger; fetch?: typeof fetch | undefined };
}): void {
  const { pageCache, siteResolver, policyCache, purge } = deps;
  if (purge?.url)
    startPurgeHook({ bus: deps.bus, url: purge.url, log: purge.log, ...(purge.fetch ? { fetch: purge.fetch } : {}) });
  deps.bus.subscribe((event) => {
    if (event.type === 'content.changed') {
      pageCache.invalidateSite(event.siteId);
      siteResolver.forget();
    } else if (event.type === 'comment.changed') {
      // Only the story's own page shows its comments.
      try {
        pageCache.invalidate(`${event.siteId}|${new URL(event.storyUrl).pathname}`);
      } catch {
        // an embed story of another site: no page of ours to refresh
      }
    } else if (event.type === 'bus.reconnected') {
      // Changes made elsewhere during the gap went unheard: start again from the database.
      pageCache.clear();
      siteResolver.forget();
    } else if (event.type === 'guidelines.changed') {
      policyCache.forget(event.siteId);
    }
  });
}
