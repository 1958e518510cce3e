import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '../sites/sites.repository.ts';
import type { TopnewsRepository } from './topnews.repository.ts';
import { createViewCounter } from './views.ts';

const site = { id: 'demo', timeZone: 'Asia/Kolkata' } as Site;
const browser = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0' };

function counter(start: Date) {
  let clock = start;
  const written: { siteId: string; day: string; counts: Map<string, number> }[] = [];
  const topnews = {
    addViews: async (siteId: string, day: string, counts: Map<string, number>) => {
      written.push({ siteId, day, counts: new Map(counts) });
    },
  } as TopnewsRepository;
  const views = createViewCounter({ topnews, now: () => clock, salt: 'test' });
  return { views, written, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

describe('page views for Top News', () => {
  it('counts a reader once per article within half an hour, and again after', async () => {
    const { views, written, advance } = counter(new Date('2026-06-15T06:30:00.000Z'));
    assert.equal(views.hit(site, 'a1', browser), true);
    assert.equal(views.hit(site, 'a1', browser), false, 'a reload is not a new reader');
    assert.equal(views.hit(site, 'a2', browser), true, 'another article is');
    assert.equal(views.hit(site, 'a1', { ...browser, ip: '198.51.100.1' }), true, 'another reader is');
    advance(31 * 60_000);
    assert.equal(views.hit(site, 'a1', browser), true);
    await views.flush();
    assert.deepEqual(written, [
      {
        siteId: 'demo',
        day: '2026-06-15',
        counts: new Map([
          ['a1', 3],
          ['a2', 1],
        ]),
      },
    ]);
  });

  it('does not count crawlers and scripts', async () => {
    const { views, written } = counter(new Date('2026-06-15T06:30:00.000Z'));
    for (const userAgent of ['Googlebot/2.1', 'curl/8.0', 'python-requests/2.31', 'HeadlessChrome/150'])
      assert.equal(views.hit(site, 'a1', { ip: '203.0.113.9', userAgent }), false, userAgent);
    await views.flush();
    assert.deepEqual(written, []);
  });

  it("counts by the day in the site's zone, and writes each batch once", async () => {
    // 19:00 UTC is already the next day in India
    const { views, written } = counter(new Date('2026-06-15T19:00:00.000Z'));
    views.hit(site, 'a1', browser);
    await views.flush();
    await views.flush();
    assert.equal(written.length, 1);
    assert.equal(written[0]!.day, '2026-06-16');
  });
});
