import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import sharp from 'sharp';
import { unpublish } from '../pages/testing.ts';
import { enginesUnderTest, testDatabaseUrl } from '../storage/testing.ts';
import type { ParleyEvent } from './bus.ts';
import { eventually, twoInstances } from './testing.ts';

// Two instances on one PostgreSQL database and one bus channel, as two
// processes behind a load balancer would run (src/events/testing.ts).

const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

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

  it('a lost LISTEN connection comes back, with /healthz saying so meanwhile, and events flow again', async () => {
    const { a, b, channel } = pair;
    const heard: ParleyEvent[] = [];
    b.services.bus.subscribe((e) => heard.push(e));
    assert.equal((await b.inject({ url: '/healthz' })).json().bus, 'listening');
    // The database ends both instances' listening connections, as a failover would.
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where query = $1', [
        `listen ${channel}`,
      ]);
      assert.equal(killed.rowCount, 2);
    } finally {
      await admin.end();
    }
    await eventually(async () => heard.some((e) => e.type === 'bus.reconnected'), 5000);
    await eventually(async () => a.services.bus.state() === 'listening', 5000);
    const health = await b.inject({ url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.equal(health.json().bus, 'listening');
    // Events sent after the gap reach the other instance again.
    const slug = 'city-council-approves-new-metro-line';
    const article = await b.services.articlesRepository.getPublishedBySlug('demo', slug);
    assert.ok(article);
    const url = `/national/${slug}`;
    assert.equal((await b.inject({ url })).statusCode, 200);
    await unpublish(a, slug);
    await eventually(async () => (await b.inject({ url })).statusCode === 404, 1000);
  });

  it("counts a reader's comments together on every instance", async () => {
    const { a, b } = pair;
    const limit = a.services.config.commentsPerMinute;
    const waits: number[] = [];
    for (let i = 0; i < limit + 2; i++) waits.push(await (i % 2 ? a : b).services.commentsRateLimiter.hit('reader-1'));
    assert.equal(waits.filter((w) => w === 0).length, limit, `${waits}`);
  });

  it('checks at most the allowed number of wrong passwords in a burst across instances', async () => {
    const { a, b } = pair;
    const site = (await a.services.sitesRepository.get('demo'))!;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).services.accounts.login(
          site,
          { email: 'nobody-here@example.org', password: 'wrong password' },
          { ip: `198.51.100.${i}`, userAgent: 'test' },
        ),
      ),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'));
    assert.ok(
      codes.every((c) => c === 'LOGIN_FAILED' || c === 'LOGIN_THROTTLED'),
      `${codes}`,
    );
    assert.ok(codes.filter((c) => c === 'LOGIN_FAILED').length <= 5, `${codes}`);
  });

  it('serves an image uploaded on one instance from every instance', async () => {
    const { a, b } = pair;
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336' } })
      .png()
      .toBuffer();
    const ref = await a.services.images.upload('demo', png);
    const res = await b.inject({ url: `${ref.base}/320.webp` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await sharp(res.rawPayload).metadata()).width, 320);
  });
});
