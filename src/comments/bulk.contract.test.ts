import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createUsersRepository } from '../accounts/users.repository.ts';
import { createImportsRepository } from '../imports/imports.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { createCommentsRepository, type ImportedCommentRow } from './comments.repository.ts';
import { createStoriesRepository } from './stories.repository.ts';

// An import's writes to comments (SQLite's prepared batch and the query
// builder's multi-row inserts), the recount after it and claims, on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`imported comments on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    const at = '2026-01-01T00:00:00.000Z';
    const row = (id: string, over: Partial<ImportedCommentRow> = {}): ImportedCommentRow => ({
      id,
      site_id: 'b1',
      story_id: 'story-b1',
      parent_id: null,
      display_parent_id: null,
      root_id: null,
      depth: 0,
      author_id: null,
      author_name: 'Old',
      body: id,
      body_html: `<p>${id}</p>`,
      status: 'published',
      status_reason: null,
      moderation: '{}',
      featured: 0,
      reaction_count: 0,
      reply_count: 0,
      content_hash: id,
      created_at: at,
      edited_at: null,
      legacy_author_id: 'la-1',
      import_source: 'jsonl',
      import_id: id,
      original_html: null,
      ...over,
    });

    before(async () => {
      storage = await engine.open();
      const site = { name: 'B', baseUrl: 'https://b1.example', timeZone: 'UTC', timeZoneLabel: null, language: 'en' };
      await createSitesRepository(storage).insert({ id: 'b1', ...site, tagline: '', guidelines: '', createdAt: at });
      await createStoriesRepository(storage).ensure({
        id: 'story-b1',
        siteId: 'b1',
        key: 'url:b1.example/x',
        articleId: null,
        url: 'https://b1.example/x',
        title: 'X',
        openedAt: at,
        createdAt: at,
      });
      const author = { source: 'jsonl', external_id: null, name: 'Old', email: null, email_hash: null };
      await createImportsRepository(storage).insertAuthors([
        { id: 'la-1', site_id: 'b1', ...author, user_id: null, claimed_at: null, created_at: at },
      ]);
    });

    it('inserts a batch once: a second run finds every row there', async () => {
      const comments = createCommentsRepository(storage);
      const rows = [row('i1'), row('i2', { parent_id: 'i1', display_parent_id: 'i1', root_id: 'i1', depth: 1 })];
      assert.equal(await comments.insertImported(rows), 2);
      assert.equal(await comments.insertImported([...rows, row('i3', { status: 'deleted' })]), 1);
      assert.equal(await comments.insertImported([]), 0);
      assert.deepEqual(await comments.placement('i2'), { depth: 1, rootId: 'i1', displayParentId: 'i1' });
      assert.equal(await comments.placement('nope'), undefined);
    });

    it('recounts the published comments and replies of the stories an import touched', async () => {
      const comments = createCommentsRepository(storage);
      await comments.recount(['story-b1']);
      const story = await createStoriesRepository(storage).get('story-b1');
      assert.equal(story?.commentCount, 2);
      assert.equal(story?.lastCommentAt, at);
      assert.equal((await comments.get('i1'))?.replyCount, 1);
    });

    it("gives a legacy author's comments nobody owns to the reader who claims them", async () => {
      const comments = createCommentsRepository(storage);
      const userId = 'reader-b1';
      await createUsersRepository(storage).insert({
        id: userId,
        siteId: 'b1',
        email: 'r@b1.example',
        emailVerified: true,
        displayName: 'Reader',
        passwordHash: null,
        createdAt: at,
      });
      await comments.giveLegacyComments([], userId);
      await comments.giveLegacyComments(['la-1'], userId);
      const mine = await comments.listByAuthor(userId, undefined, 10);
      assert.deepEqual(mine.map((c) => c.id).sort(), ['i1', 'i2']);
      assert.ok(mine.every((c) => c.importedFrom === 'jsonl'));
    });
  });
}
