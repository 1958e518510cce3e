import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { createSiteResolver } from './site-resolver.ts';
import { createSitesRepository, type Site } from './sites.repository.ts';

const site = (id: string, baseUrl: string): Site => ({
  id,
  name: `Site ${id}`,
  baseUrl,
  timeZone: 'Asia/Kolkata',
  timeZoneLabel: 'IST',
  language: 'en',
  tagline: 'News',
  guidelines: 'Be kind.',
  createdAt: '2026-06-15T06:30:00.000Z',
});

// Sites are the same on both engines: kept whole, listed in order, moved to a new address.
for (const engine of await enginesUnderTest()) {
  describe(`the sites repository on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    before(async () => {
      storage = await engine.open();
    });
    after(() => storage?.close());

    it('keeps a site whole, lists sites by id, and moves one to a new address', async () => {
      const sites = createSitesRepository(storage);
      await sites.insert(site('b', 'https://b.example'));
      await sites.insert(site('a', 'https://a.example'));
      assert.deepEqual(await sites.get('a'), site('a', 'https://a.example'));
      assert.equal(await sites.get('missing'), undefined);
      assert.deepEqual(
        (await sites.list()).map((s) => s.id),
        ['a', 'b'],
      );
      await sites.updateBaseUrl('b', 'https://news.b.example');
      assert.equal((await sites.get('b'))?.baseUrl, 'https://news.b.example');
      await assert.rejects(sites.insert(site('a', 'https://again.example')));
    });

    it('resolves hosts to sites on the stored data', async () => {
      const resolver = createSiteResolver({ sites: createSitesRepository(storage), defaultSiteId: 'a' });
      assert.equal((await resolver.resolve('news.b.example')).id, 'b');
      assert.equal((await resolver.resolve('localhost:8080')).id, 'a');
    });
  });
}
