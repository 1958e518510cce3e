import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, DEMO_ARTICLE_PATH } from '../http/testing.ts';
import { reader } from './formats/index.ts';
import { importedCommentId } from './ids.ts';
import { importComments } from './imports.usecases.ts';

// A second import with a URL map moves the threads a first import left under
// their old address; threads that match no article keep the export's title.

const line = (o: unknown) => `${JSON.stringify(o)}\n`;
const OLD = 'https://old.example/2019/fish-talks.html';

function run(app: App, file: string, extra: { dryRun?: boolean; urlMap?: Map<string, string> } = {}) {
  return importComments(app.services, reader('jsonl', Readable.from([file]), { invalidCharacters: 0 }), {
    siteId: 'demo',
    baseUrl: 'https://news.test',
    source: 'jsonl',
    now: () => new Date('2026-06-15T06:30:00Z'),
    ...extra,
  });
}

describe('re-importing with a URL map', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app?.close());

  const file =
    line({ type: 'thread', id: 't1', url: OLD, title: 'Fish talks resume' }) +
    line({
      type: 'comment',
      id: 'u1',
      thread: 't1',
      author: { name: 'A' },
      text: 'First.',
      createdAt: '2024-05-01T10:00:00Z',
    }) +
    line({
      type: 'comment',
      id: 'u2',
      thread: 't1',
      parentId: 'u1',
      author: { name: 'B' },
      text: 'Reply.',
      createdAt: '2024-05-01T11:00:00Z',
    });
  const map = new Map([['old.example/2019/fish-talks.html', `https://news.test${DEMO_ARTICLE_PATH}`]]);

  it('titles an unmatched thread from the export and lists it, then moves it where the map says, idempotently', async () => {
    const { storiesRepository: stories, commentsRepository: comments } = app.services;
    const first = await run(app, file);
    assert.equal(first.unmatchedCount, 1);
    assert.deepEqual(first.unmatched, [{ id: 't1', url: OLD, title: 'Fish talks resume' }]);
    const u1 = importedCommentId('demo', 'jsonl', 'u1');
    const oldStory = (await comments.get(u1))!.storyId;
    assert.equal((await stories.get(oldStory))?.title, 'Fish talks resume');

    const dry = await run(app, file, { dryRun: true, urlMap: map });
    assert.equal(dry.moves.length, 1);
    assert.equal(dry.moves[0]?.comments, 2);
    assert.equal(dry.moves[0]?.from, 'old.example/2019/fish-talks.html');
    assert.equal((await comments.get(u1))!.storyId, oldStory, 'a dry run moves nothing');

    const real = await run(app, file, { urlMap: map });
    assert.deepEqual(
      real.moves.map((m) => m.comments),
      [2],
    );
    assert.equal(real.inserted, 0);
    const newStory = (await comments.get(u1))!.storyId;
    assert.notEqual(newStory, oldStory);
    assert.ok((await stories.get(newStory))?.articleId);
    assert.equal((await comments.get(importedCommentId('demo', 'jsonl', 'u2')))!.storyId, newStory);
    assert.equal((await stories.get(oldStory))?.commentCount, 0);
    assert.ok(((await stories.get(newStory))?.commentCount ?? 0) >= 2);

    const again = await run(app, file, { urlMap: map });
    assert.deepEqual(again.moves, []);
    assert.equal((await comments.get(u1))!.storyId, newStory);
  });
});
