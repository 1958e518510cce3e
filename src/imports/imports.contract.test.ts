import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { appOnEngine } from '../http/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { readJsonl } from './formats/jsonl.ts';
import { importComments } from './imports.usecases.ts';

// Batched writes, conflict handling and recounts behave the same on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`imports on ${engine.name}`, { skip: engine.skip }, () => {
    const on = appOnEngine(engine);

    it('writes batches once, threads replies across batches and recounts the story', async () => {
      const { storage } = on;
      const deps = on.app.services;
      const lines = Array.from({ length: 25 }, (_, i) =>
        JSON.stringify({
          type: 'comment',
          id: `k${i}`,
          url: 'https://old.example/story',
          parent: i > 0 && i % 5 ? `k${i - 1}` : null,
          author: { name: `A${i % 3}`, email: `a${i % 3}@example.org` },
          text: `Comment number ${i}.`,
          createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
        }),
      ).join('\n');
      const opts = {
        siteId: 'demo',
        baseUrl: 'https://news.test',
        source: 'jsonl',
        batchSize: 7,
        now: () => new Date('2026-06-15T00:00:00Z'),
      };
      const first = await importComments(deps, readJsonl(Readable.from([lines])), opts);
      assert.deepEqual([first.comments, first.inserted, first.authors], [25, 25, 3]);
      const second = await importComments(deps, readJsonl(Readable.from([lines])), opts);
      assert.deepEqual([second.inserted, second.alreadyThere], [0, 25]);
      const story = await storage.db
        .selectFrom('stories')
        .select(['id', 'comment_count', 'last_comment_at'])
        .where('key', '=', 'url:old.example/story')
        .executeTakeFirstOrThrow();
      assert.equal(Number(story.comment_count), 25);
      assert.equal(story.last_comment_at, '2024-01-01T00:24:00.000Z');
      const deepest = await storage.db
        .selectFrom('comments')
        .select(['depth', 'reply_count'])
        .where('import_id', '=', 'k3')
        .executeTakeFirstOrThrow();
      assert.equal(deepest.depth, 3);
      assert.equal(Number(deepest.reply_count), 1);
    });
  });
}
