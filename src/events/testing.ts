import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config.ts';
import { createServices } from '../core/services.ts';
import { type App, buildApp } from '../http/app.ts';
import { buildTestApp, testPasswords } from '../http/testing.ts';
import { openStorage, type Storage } from '../storage/database.ts';
import { enginesUnderTest, testDatabaseUrl } from '../storage/testing.ts';

// Test support for several instances: two Parleys on one PostgreSQL database
// and one bus channel, as two processes behind a load balancer would run.

/** Two instances (A built as the tests build one, B as `parley start` does) on one fresh PostgreSQL schema. */
export async function twoInstances(env: Record<string, string> = {}, now?: () => Date) {
  const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;
  const storageA = await pgEngine.open();
  const schema = (
    await storageA.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()
  ).s;
  const channel = `parley_test_${randomBytes(4).toString('hex')}`;
  const a = await buildTestApp({
    ...(now ? { now } : {}),
    storage: storageA,
    env: { LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl, ...env },
    busChannel: channel,
  });
  const storageB: Storage = await openStorage({ databaseUrl: testDatabaseUrl, pgSchema: schema });
  const b: App = await buildApp(
    await createServices(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl, ...env }), {
      storage: storageB,
      passwords: testPasswords,
      busChannel: channel,
      busConnectionString: testDatabaseUrl,
      now: a.services.now,
    }),
  );
  return {
    a,
    b,
    channel,
    async close() {
      await b.close();
      await storageB.close().catch(() => {});
      await a.close();
      await storageA.close();
    },
  };
}

/** Polls until `check` holds; the time it took, or an error after `withinMs`. */
export async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}
