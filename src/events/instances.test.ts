import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/config.ts';
import { createServices } from '../core/services.ts';
import { type App, buildApp } from '../http/app.ts';
import { buildTestApp, testPasswords } from '../http/testing.ts';
import { unpublish } from '../pages/testing.ts';
import { openStorage, type Storage } from '../storage/database.ts';
import { enginesUnderTest, testDatabaseUrl } from '../storage/testing.ts';

// Two instances on one PostgreSQL database and one bus channel, as two
// processes behind a load balancer would run.

const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

export async function twoInstances(env: Record<string, string> = {}) {
  const storageA = await pgEngine.open();
  const schema = (
    await storageA.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()
  ).s;
  const channel = `parley_test_${randomBytes(4).toString('hex')}`;
  const a = await buildTestApp({
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

export async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

describe('several instances on one PostgreSQL', { skip: pgEngine.skip }, () => {
  let pair: Awaited<ReturnType<typeof twoInstances>>;
  before(async () => {
    pair = await twoInstances();
  });
  after(async () => pair.close());

  it('a story unpublished on one instance is gone from every instance within a second', async () => {
    const { a, b } = pair;
    assert.equal((await b.inject({ url: ARTICLE })).statusCode, 200);
    assert.equal((await b.inject({ url: ARTICLE })).statusCode, 200); // now from B's cache
    await unpublish(a, 'island-nations-agree-to-reopen-fisheries-talks');
    await eventually(async () => (await b.inject({ url: ARTICLE })).statusCode === 404, 1000);
  });
});
