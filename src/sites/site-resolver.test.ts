import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSiteResolver } from './site-resolver.ts';
import type { Site, SitesRepository } from './sites.repository.ts';

// The host → site resolver over a repository of the test's own: no database.

function fakeSites(list: Partial<Site>[]) {
  const state = { list: list as Site[], loads: 0 };
  const sites = {
    async list() {
      state.loads++;
      return state.list;
    },
  } as unknown as SitesRepository;
  return { sites, state };
}

describe('the site resolver', () => {
  const daily = { id: 'daily', baseUrl: 'https://daily.example/news' };
  const weekly = { id: 'weekly', baseUrl: 'https://Weekly.Example:8443' };

  it("finds a site by its public URL's host, in any case, port included", async () => {
    const { sites } = fakeSites([daily, weekly]);
    const resolver = createSiteResolver({ sites, defaultSiteId: 'daily' });
    assert.equal((await resolver.resolve('weekly.example:8443')).id, 'weekly');
    assert.equal((await resolver.resolve('DAILY.example')).id, 'daily');
    assert.equal((await resolver.get('weekly'))?.id, 'weekly');
    assert.equal(await resolver.get('monthly'), undefined);
  });

  it('gives any other host, or none, the default site', async () => {
    const { sites } = fakeSites([daily, weekly, { id: 'broken', baseUrl: 'not a url' }]);
    const resolver = createSiteResolver({ sites, defaultSiteId: 'weekly' });
    for (const host of ['localhost:3000', '10.0.0.5', undefined, 'weekly.example'])
      assert.equal((await resolver.resolve(host)).id, 'weekly', String(host));
    assert.equal((await resolver.get('broken'))?.id, 'broken');
  });

  it('refuses with SITE_NOT_FOUND when even the default site is missing', async () => {
    const { sites } = fakeSites([daily]);
    const resolver = createSiteResolver({ sites, defaultSiteId: 'gone' });
    await assert.rejects(resolver.resolve('elsewhere.example'), { code: 'SITE_NOT_FOUND', status: 404 });
  });

  it('holds the sites for a while, reloads after it or when told, and loads once for callers at once', async () => {
    let t = 0;
    const { sites, state } = fakeSites([daily]);
    const resolver = createSiteResolver({ sites, defaultSiteId: 'daily', ttlMs: 1_000, now: () => t });
    await Promise.all([resolver.resolve('a'), resolver.resolve('b'), resolver.get('daily')]);
    assert.equal(state.loads, 1);
    state.list = [daily, weekly] as Site[];
    t = 999;
    assert.equal((await resolver.resolve('weekly.example:8443')).id, 'daily');
    t = 1_000;
    assert.equal((await resolver.resolve('weekly.example:8443')).id, 'weekly');
    assert.equal(state.loads, 2);
    state.list = [daily] as Site[];
    resolver.forget();
    assert.equal((await resolver.resolve('weekly.example:8443')).id, 'daily');
    assert.equal(state.loads, 3);
  });
});
