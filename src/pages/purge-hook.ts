import type { Logger } from 'pino';
import type { Bus } from '../events/bus.ts';
import { staleKeys } from './surrogate-keys.ts';

// The CDN's purge: on the events that make pages stale, the instance where the
// change happened POSTs the pages' surrogate keys to the operator's hook
// (PARLEY_PURGE_URL), e.g. a small function that calls Fastly's or
// Cloudflare's purge API, or Varnish with a ban on the keys. Keys of the
// changes within a few milliseconds go in one request; a failure is logged
// (the edge lifetime bounds what a lost purge costs).

export interface PurgeBody {
  keys: string[];
}

export function startPurgeHook(deps: { bus: Bus; url: string; log: Logger; fetch?: typeof fetch; batchMs?: number }): {
  flush(): Promise<void>;
} {
  const send = deps.fetch ?? fetch;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return inFlight;
    const body: PurgeBody = { keys: [...pending] };
    pending = new Set();
    const request = send(deps.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    })
      .then((res) => {
        if (!res.ok) deps.log.error({ status: res.status, keys: body.keys }, 'CDN purge hook refused the purge');
      })
      .catch((err: unknown) => deps.log.error({ err, keys: body.keys }, 'CDN purge hook failed'));
    inFlight = inFlight.then(() => request);
    return inFlight;
  };

  deps.bus.subscribe((event, origin) => {
    // Every instance hears the event; the one that made the change purges.
    if (origin && !origin.local) return;
    const keys = staleKeys(event);
    if (keys.length === 0) return;
    for (const k of keys) pending.add(k);
    timer ??= setTimeout(() => void flush(), deps.batchMs ?? 20);
  });
  return { flush };
}
