import type { Site } from '../sites/sites.repository.ts';

// WebSub: when an article is published or updated, the hub is told which feeds
// changed, and it tells their subscribers (feed readers, aggregators) at once
// instead of their polling. Optional: only with PARLEY_WEBSUB_HUB.

export function createWebSub(deps: {
  hub: string | undefined;
  fetch?: typeof fetch;
  onError?: (err: unknown) => void;
}) {
  const doFetch = deps.fetch ?? fetch;
  return {
    async ping(site: Site, feedPaths: string[]): Promise<void> {
      if (!deps.hub) return;
      const base = site.baseUrl.replace(/\/+$/, '');
      for (const path of feedPaths) {
        try {
          const res = await doFetch(deps.hub, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': `${base}${path}` }).toString(),
            signal: AbortSignal.timeout(10_000),
          });
          if (!res.ok) throw new Error(`hub answered ${res.status}`);
        } catch (err) {
          deps.onError?.(err);
        }
      }
    },
  };
}

export type WebSub = ReturnType<typeof createWebSub>;
