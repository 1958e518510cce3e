import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp } from '../http/testing.ts';

describe('feeds and sitemap', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('publishes the site RSS feed, newest first, with absolute links', async () => {
    const res = await app.inject({ url: '/feed.xml' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/rss\+xml/);
    const items = [...res.body.matchAll(/<item><title>([^<]+)<\/title><link>([^<]+)<\/link>/g)];
    assert.equal(items.length, 9);
    assert.equal(items[0]?.[2], 'https://news.test/national/monsoon-arrives-early-over-kerala-coast');
    assert.match(res.body, /<atom:link href="https:\/\/news.test\/feed.xml" rel="self"/);
    assert.match(res.body, /<dc:creator>Anjali Menon<\/dc:creator>/);
    assert.match(res.body, /<pubDate>Mon, 15 Jun 2026 03:30:00 GMT<\/pubDate>/);
    // escaped, not raw: the budget story has an apostrophe
    assert.match(res.body, /What this year&#39;s budget means/);
  });

  it('publishes one feed per section and 404s unknown sections', async () => {
    const sport = await app.inject({ url: '/sport/feed.xml' });
    assert.equal(sport.statusCode, 200);
    const links = [...sport.body.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    assert.deepEqual(links.slice(1), [
      'https://news.test/sport/continental-cup-live-group-stage-final-day',
      'https://news.test/sport/national-team-names-squad-for-asia-cup',
    ]);
    assert.equal((await app.inject({ url: '/nowhere/feed.xml' })).statusCode, 404);
  });

  it('lists every published page in the sitemap', async () => {
    const res = await app.inject({ url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.equal(locs[0], 'https://news.test/');
    assert.ok(locs.includes('https://news.test/world/'));
    assert.ok(locs.includes('https://news.test/world/island-nations-agree-to-reopen-fisheries-talks'));
    assert.equal(locs.length, 1 + 6 + 9);
  });

  it('points crawlers at the sitemap', async () => {
    const res = await app.inject({ url: '/robots.txt' });
    assert.match(res.body, /Sitemap: https:\/\/news.test\/sitemap-index.xml/);
  });
});
