import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openStorage, type Storage } from './database.ts';

// Test support: every engine the suite must prove the repositories on. SQLite
// always runs. PostgreSQL runs when it answers; with CI=true it must answer, so
// a broken database fails the build instead of silently shrinking the suite.

export const testDatabaseUrl = process.env.PARLEY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  /** reason to skip, or undefined when the engine is available */
  skip: string | undefined;
  open(): Promise<Storage>;
}

let postgresProbe: Promise<string | undefined> | undefined;

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    const why = `PostgreSQL at ${testDatabaseUrl} is not reachable (${(err as Error).message}); set PARLEY_TEST_DATABASE_URL`;
    if (process.env.CI === 'true') throw new Error(`${why}. CI=true requires the PostgreSQL suite to run.`);
    console.warn(`# skipping PostgreSQL tests: ${why}`);
    return why;
  } finally {
    await client.end().catch(() => {});
  }
}

const openSchemas: { schema: string }[] = [];

/** A fresh, migrated database of each engine per call. */
export async function enginesUnderTest(): Promise<EngineUnderTest[]> {
  postgresProbe ??= probePostgres();
  const pgSkip = await postgresProbe;
  return [
    {
      name: 'sqlite',
      skip: undefined,
      async open() {
        const storage = await openStorage({ dataDir: ':memory:' });
        await migrateToLatest(storage);
        return storage;
      },
    },
    {
      name: 'postgres',
      skip: pgSkip,
      async open() {
        // A schema of its own per database, dropped on close: runs never see each other.
        const schema = `parley_test_${randomBytes(6).toString('hex')}`;
        openSchemas.push({ schema });
        const storage = await openStorage({ databaseUrl: testDatabaseUrl, pgSchema: schema });
        await migrateToLatest(storage);
        const close = storage.close;
        return {
          ...storage,
          async close() {
            await close();
            const client = new pg.Client({ connectionString: testDatabaseUrl });
            await client.connect();
            await client.query(`drop schema if exists ${schema} cascade`);
            await client.end();
          },
        };
      },
    },
  ];
}
