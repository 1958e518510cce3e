import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appOnEngine } from '../http/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';

// Search and page-view counts behave the same on both engines.
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

    it('adds page views per article and day', async () => {
      const { app } = on;
      const id = (await app.services.articlesRepository.getPublishedBySlug(
        'demo',
        'island-nations-agree-to-reopen-fisheries-talks',
      ))!.id;
      await app.services.topnewsRepository.addViews('demo', '2026-06-15', new Map([[id, 2]]));
      await app.services.topnewsRepository.addViews('demo', '2026-06-15', new Map([[id, 3]]));
      const act = await app.services.topnewsRepository.activity('demo', '2026-06-15', '2026-06-14T18:30:00.000Z');
      assert.equal(act.get(id)?.views, 5);
    });
  });
}
