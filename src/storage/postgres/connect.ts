import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

// Make PostgreSQL return the same shapes as SQLite: ISO strings for times, and
// numbers for counts (count(*) is int8, which pg returns as a string).
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v) => new Date(v).toISOString());
pg.types.setTypeParser(TIMESTAMP_OID, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

export interface PostgresOptions {
  connectionString: string;
  /** run everything in this schema (created if missing); tests use one per run */
  schema?: string;
  max?: number;
}

export async function connectPostgres(options: PostgresOptions): Promise<{ db: Kysely<Database>; pool: pg.Pool }> {
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${options.schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
