import type { Config } from '../config/config.ts';
import { createRateLimiter, createSharedRateLimiter, type SharedRateLimiter } from '../shared/rate-limit.ts';
import type { Storage } from '../storage/database.ts';
import { createRateCountersRepository } from '../storage/rate-counters.repository.ts';

// The readers' limits: in memory on the embedded database (one instance), in
// the database on PostgreSQL, where several instances must count together or
// a reader could post N times the limit through N instances.

export function createLimiters(
  config: Config,
  storage: Storage,
  now: () => Date,
): { commentsRateLimiter: SharedRateLimiter; claimsRateLimiter: SharedRateLimiter } {
  const clock = () => now().getTime();
  const counters = createRateCountersRepository(storage);
  const limiter = (name: string, limit: number, windowMs: number): SharedRateLimiter =>
    storage.engine === 'postgres'
      ? createSharedRateLimiter({ name, limit, windowMs, counters, now: clock })
      : createRateLimiter({ limit, windowMs, now: clock });
  return {
    commentsRateLimiter: limiter('comments', config.commentsPerMinute, 60_000),
    claimsRateLimiter: limiter('claims', 5, 3_600_000),
  };
}
