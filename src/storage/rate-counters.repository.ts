import { sql } from 'kysely';
import type { Storage } from './database.ts';

// Fixed-window counters in the database, for rate limits that hold across
// instances (shared/rate-limit.ts). One atomic upsert per hit: a new window
// starts the count again, the same window adds one.

export function createRateCountersRepository(storage: Storage) {
  const { db } = storage;
  return {
    /** Counts one hit of `key` under the limit `name` in the window starting at `windowStart` (ms); the count so far. */
    async hit(name: string, key: string, windowStart: number): Promise<number> {
      const row = await db
        .insertInto('rate_counters')
        .values({ name, key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.columns(['name', 'key']).doUpdateSet({
            count: sql<number>`case when rate_counters.window_start = excluded.window_start then rate_counters.count + 1 else 1 end`,
            window_start: sql<number>`excluded.window_start`,
          }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** Forgets counters of windows that ended before `before` (ms). */
    async prune(before: number): Promise<void> {
      await db.deleteFrom('rate_counters').where('window_start', '<', before).execute();
    },
  };
}

export type RateCountersRepository = ReturnType<typeof createRateCountersRepository>;
