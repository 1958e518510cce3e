import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../http/testing.ts';
import type { PurgeBody } from './purge-hook.ts';
import { unpublish } from './testing.ts';

// Pulling a story: the page goes at once, on this instance and (through the
// CDN's purge hook) at the edge. Several instances: src/events/instances.test.ts.

const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';
describe('pulling a story', () => {
  it('unpublishing takes the page down at once, purges its keys at the CDN and keeps edge lifetimes short', async () => {
    const purges: PurgeBody[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      assert.equal(url, 'https://purge.example/hook');
      purges.push(JSON.parse(String(init.body)) as PurgeBody);
      return new Response('ok');
    }) as typeof fetch;
    const app = await buildTestApp({ env: { PARLEY_PURGE_URL: 'https://purge.example/hook' }, fetch: fakeFetch });
    const plain = await buildTestApp();
    try {
      const first = await app.inject({ url: ARTICLE });
      assert.equal(first.statusCode, 200);
      const keys = String(first.headers['surrogate-key']).split(' ');
      assert.ok(keys.includes('site-demo') && keys.includes('lists-demo'));
      assert.ok(keys.some((k) => k.startsWith('article-')) && keys.some((k) => k.startsWith('story-')));
      assert.equal(first.headers['cache-tag'], keys.join(','));
      assert.match(String(first.headers['cache-control']), /s-maxage=60/);
      const short = await plain.inject({ url: ARTICLE });
      assert.equal(short.headers['cache-control'], 'public, max-age=10, s-maxage=10, stale-while-revalidate=10');

      const article = await unpublish(app, 'island-nations-agree-to-reopen-fisheries-talks');
      assert.equal((await app.inject({ url: ARTICLE })).statusCode, 404);
      for (let i = 0; i < 50 && purges.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(purges, [{ keys: [`article-${article.id}`, 'lists-demo'] }]);
    } finally {
      await app.close();
      await plain.close();
    }
  });
});
