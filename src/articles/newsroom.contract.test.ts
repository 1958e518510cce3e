import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { appOnEngine } from '../http/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';

// Search behaves the same on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    const on = appOnEngine(engine);

    it('searches published articles by words and prefixes, best first', async () => {
      const { app } = on;
      const repo = app.services.newsroomRepository;
      const ids = await repo.searchIds('demo', 'fisheries talks', 10, true);
      const first = await app.services.articlesRepository.summaryById('demo', ids[0]!);
      assert.equal(first?.slug, 'island-nations-agree-to-reopen-fisheries-talks');
      assert.ok((await repo.searchIds('demo', 'fisher', 10, true)).includes(first!.id), 'a prefix finds the word');
      assert.deepEqual(await repo.searchIds('demo', 'zebra quagga', 10, true), ['-']);
    });

    it("stores an article's lead image and lists it with the image's widths", async () => {
      const { app } = on;
      const s = app.services;
      const site = (await s.sitesRepository.get('demo'))!;
      const editor = { id: 'ed', displayName: 'Ed' } as Parameters<typeof s.newsroom.create>[1];
      const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#246' } })
        .png()
        .toBuffer();
      const image = await s.images.upload('demo', png);
      const sectionId = (await s.articlesRepository.getSectionBySlug('demo', 'world'))!.id;
      const a = await s.newsroom.create(site, editor, {
        headline: 'Lighthouse keepers return',
        standfirst: 'After twenty years.',
        bodyText: 'A paragraph.',
        sectionId,
        leadImage: { imageId: image.id, alt: 'A lighthouse at dusk', caption: 'The north light', credit: 'Parley' },
      });
      await s.newsroom.publish(site, editor, a.id, a.version);
      const listed = (await s.articlesRepository.listPublished({ siteId: 'demo', limit: 50 })).find(
        (x) => x.id === a.id,
      );
      assert.deepEqual(listed?.leadImage, {
        image,
        alt: 'A lighthouse at dusk',
        caption: 'The north light',
        credit: 'Parley',
      });
      assert.equal((await s.newsroom.get(site, a.id)).leadImage?.imageId, image.id);
    });
  });
}
