import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function imageFiles(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const bytes = engine === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Image files in the database (used on PostgreSQL), so that every instance serves every
      // image; the embedded database keeps them on disk beside it.
      await db.schema
        .createTable('image_files')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('body', bytes, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
    },
  };
}
