import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function jobRuns(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Background jobs claim their run here, so that of several instances one runs each job
      // per period; a crashed run's claim ends with its lease and another instance takes it.
      await db.schema
        .createTable('job_runs')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('claimed_at', ts, (c) => c.notNull())
        .addColumn('lease_until', ts, (c) => c.notNull())
        .addColumn('finished_at', ts)
        .addColumn('error', 'text')
        .execute();
    },
  };
}
