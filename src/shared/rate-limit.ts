// A fixed-window counter per key, in memory. Enough to stop a single client
// from flooding registrations or reset e-mails through one instance; login
// throttling, which must hold across instances, lives in the database, and so
// do the limits of createSharedRateLimiter (comments, claims) on PostgreSQL.
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

/** A limit any instance may count: in memory (one instance) or shared through the database. */
export interface SharedRateLimiter {
  /** Counts a hit; resolves to how long to wait when over the limit, else 0. */
  hit(key: string): number | Promise<number>;
}

/** The same fixed window, counted in the database so that every instance sees every hit. */
export function createSharedRateLimiter(options: {
  name: string;
  limit: number;
  windowMs: number;
  counters: { hit(name: string, key: string, windowStart: number): Promise<number> };
  now?: () => number;
}): SharedRateLimiter {
  const now = options.now ?? Date.now;
  return {
    async hit(key) {
      const t = now();
      const start = t - (t % options.windowMs);
      const count = await options.counters.hit(options.name, key, start);
      return count > options.limit ? start + options.windowMs - t : 0;
    },
  };
}
