import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createPageCache } from './page-cache.ts';

describe('page cache', () => {
  it('serves until the lifetime ends', () => {
    let t = 0;
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 10, now: () => t });
    cache.set('demo|/', 200, 'text/html', '<p>hi</p>');
    t = 999;
    assert.equal(cache.get('demo|/')?.body.toString(), '<p>hi</p>');
    t = 1000;
    assert.equal(cache.get('demo|/'), undefined);
  });

  it('drops one site only on invalidation', () => {
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 10 });
    cache.set('demo|/', 200, 'text/html', 'a');
    cache.set('demo|/world/', 200, 'text/html', 'b');
    cache.set('other|/', 200, 'text/html', 'c');
    cache.invalidateSite('demo');
    assert.equal(cache.get('demo|/'), undefined);
    assert.equal(cache.get('demo|/world/'), undefined);
    assert.equal(cache.get('other|/')?.body.toString(), 'c');
  });

  it('bounds its size, evicting the oldest', () => {
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 2 });
    cache.set('s|1', 200, 'text/html', '1');
    cache.set('s|2', 200, 'text/html', '2');
    cache.set('s|3', 200, 'text/html', '3');
    assert.equal(cache.get('s|1'), undefined);
    assert.ok(cache.get('s|3'));
  });

  it('gives a stable ETag per body and a gzip that decompresses to it', () => {
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 10 });
    const a = cache.set('s|a', 200, 'text/html', 'same');
    const b = cache.set('s|b', 200, 'text/html', 'same');
    const c = cache.set('s|c', 200, 'text/html', 'other');
    assert.equal(a.etag, b.etag);
    assert.notEqual(a.etag, c.etag);
    assert.equal(gunzipSync(cache.gzipped(a)).toString(), 'same');
  });
});

describe('page cache generations', () => {
  it('does not keep a render that began before its key or site was invalidated', () => {
    const cache = createPageCache({ ttlMs: 1000, maxEntries: 10 });
    const before = cache.generation();
    cache.invalidateSite('demo');
    cache.set('demo|/a', 200, 'text/html', 'stale', { since: before });
    assert.equal(cache.get('demo|/a'), undefined);
    const sinceKey = cache.generation();
    cache.invalidate('demo|/b');
    cache.set('demo|/b', 200, 'text/html', 'stale', { since: sinceKey });
    assert.equal(cache.get('demo|/b'), undefined);
    // another key or site invalidated meanwhile does not matter
    const other = cache.generation();
    cache.invalidate('demo|/x');
    cache.invalidateSite('else');
    cache.set('demo|/c', 200, 'text/html', 'fresh', { since: other, keys: ['site-demo'] });
    assert.equal(cache.get('demo|/c')?.body.toString(), 'fresh');
    assert.deepEqual(cache.get('demo|/c')?.keys, ['site-demo']);
    const beforeClear = cache.generation();
    cache.clear();
    cache.set('demo|/d', 200, 'text/html', 'stale', { since: beforeClear });
    assert.equal(cache.get('demo|/d'), undefined);
  });
});
