// A fixed-window counter per key, in memory. Enough to stop a single client
// from flooding registrations or reset e-mails through one instance; login
// throttling, which must hold across instances, lives in the database.
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts a hit; returns how long to wait when over the limit, else 0. */
    hit(key: string): number {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= options.windowMs) {
        if (windows.size >= maxKeys) windows.clear();
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count > options.limit ? w.start + options.windowMs - t : 0;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
