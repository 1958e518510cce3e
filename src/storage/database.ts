import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Engine } from './engine.ts';
import { migrationProvider } from './migrations/index.ts';
import { connectPostgres } from './postgres/connect.ts';
import type { Database } from './schema.ts';
import { connectSqlite } from './sqlite/connect.ts';

export interface Storage {
  db: Kysely<Database>;
  engine: Engine;
  /** the embedded database's own handle, for the few hot paths that bypass the query builder */
  sqlite?: import('better-sqlite3').Database;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** PostgreSQL when set */
  databaseUrl?: string | undefined;
  /** directory for the embedded database; ':memory:' for an in-memory one */
  dataDir?: string;
  pgSchema?: string;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    const { db } = await connectPostgres({
      connectionString: options.databaseUrl,
      ...(options.pgSchema ? { schema: options.pgSchema } : {}),
    });
    return {
      db,
      engine: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      // destroying Kysely ends the pg pool too
      close: async () => {
        await db.destroy();
      },
    };
  }
  const dir = options.dataDir ?? './data';
  let filename = ':memory:';
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true });
    filename = join(dir, 'parley.sqlite');
  }
  const { db, raw } = connectSqlite(filename);
  return {
    db,
    engine: 'sqlite',
    sqlite: raw,
    ping: async () => {
      raw.prepare('select 1').get();
    },
    close: async () => {
      await db.destroy();
    },
  };
}

export async function migrateToLatest(storage: Storage): Promise<string[]> {
  // On PostgreSQL the migration tables live in the connection's own schema: Kysely
  // otherwise finds another schema's tables (a test's, a second app's) and takes them for ours.
  const schema =
    storage.engine === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(storage.db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: storage.db,
    provider: migrationProvider(storage.engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
