import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

export function rateCounters(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Rate limits shared by every instance on PostgreSQL: one counter per limit, key and
      // window, incremented atomically (a burst across instances counts every attempt).
      await db.schema
        .createTable('rate_counters')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', engine === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_counters_pk', ['name', 'key'])
        .execute();
      await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();
    },
  };
}
