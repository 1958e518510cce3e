import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
  });
}
