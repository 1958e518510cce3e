import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../shared/ids.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { createCommentsRepository, type NewComment } from './comments.repository.ts';
import { type CommentDecision, createCommentDecisionsRepository } from './decisions.repository.ts';
import { createStoriesRepository } from './stories.repository.ts';

// Moderators' decisions and authors' appeals, the same on both engines: a
// decision applies only to the version seen, and keeps the counts right.
for (const engine of await enginesUnderTest()) {
  describe(`comment decisions on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    let storyId: string;
    const at = '2026-06-15T06:30:00.000Z';

    const comment = (over: Partial<NewComment> = {}): NewComment => ({
      id: newId(),
      siteId: 's1',
      storyId,
      parentId: null,
      displayParentId: null,
      rootId: null,
      depth: 0,
      authorId: null,
      authorName: 'A',
      body: 'text',
      bodyHtml: '<p>text</p>',
      status: 'pending',
      statusReason: 'Waiting for a moderator.',
      moderation: '{}',
      contentHash: newId(),
      idempotencyKey: null,
      createdAt: at,
      ...over,
    });
    const decision = (id: string, over: Partial<CommentDecision> = {}): CommentDecision => ({
      id,
      version: 0,
      status: 'published',
      statusReason: null,
      refusalCode: null,
      by: 'Mona',
      at,
      ...over,
    });

    before(async () => {
      storage = await engine.open();
      await createSitesRepository(storage).insert({
        id: 's1',
        name: 'S',
        baseUrl: 'https://s1.example',
        timeZone: 'UTC',
        timeZoneLabel: null,
        language: 'en',
        tagline: '',
        guidelines: '',
        createdAt: at,
      });
      storyId = (
        await createStoriesRepository(storage).ensure({
          id: newId(),
          siteId: 's1',
          key: 'ext:1',
          articleId: null,
          url: 'https://s1.example/1',
          title: 'One',
          openedAt: at,
          createdAt: at,
        })
      ).id;
    });
    after(async () => storage.close());

    it('decides the version seen, once; a second decision on it changes nothing', async () => {
      const comments = createCommentsRepository(storage);
      const repo = createCommentDecisionsRepository(storage);
      const c = comment();
      await comments.insert(c);
      assert.equal(await repo.decide(decision(c.id, { featured: true })), true);
      assert.equal(await repo.decide(decision(c.id, { status: 'rejected', by: 'Max' })), false);
      assert.equal(await repo.decide(decision('nope')), false);
      const now = (await comments.get(c.id))!;
      assert.deepEqual([now.status, now.statusReason, now.featured], ['published', null, true]);
      const row = await storage.db
        .selectFrom('comments')
        .select(['version', 'moderated_by', 'moderated_at', 'refusal_code'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, version: Number(row.version) },
        { version: 1, moderated_by: 'Mona', moderated_at: at, refusal_code: null },
      );
    });

    it("keeps the story's and the parent's counts right, and leaves the feature alone unless told", async () => {
      const comments = createCommentsRepository(storage);
      const stories = createStoriesRepository(storage);
      const repo = createCommentDecisionsRepository(storage);
      const parent = comment({ status: 'published', statusReason: null });
      await comments.insert(parent);
      const reply = comment({ parentId: parent.id, displayParentId: parent.id, rootId: parent.id, depth: 1 });
      await comments.insert(reply);
      const count = async () => (await stories.get(storyId))!.commentCount;
      const before = await count();
      assert.ok(await repo.decide(decision(reply.id)));
      assert.equal(await count(), before + 1);
      assert.equal((await comments.get(parent.id))!.replyCount, 1);
      assert.ok(await repo.decide(decision(reply.id, { version: 1, featured: true })));
      assert.equal(await count(), before + 1);
      assert.ok(await repo.decide(decision(reply.id, { version: 2, status: 'rejected', refusalCode: 'spam' })));
      assert.equal(await count(), before);
      assert.equal((await comments.get(parent.id))!.replyCount, 0);
      assert.equal((await comments.get(reply.id))!.featured, true);
    });

    it('takes one appeal of a refused comment', async () => {
      const comments = createCommentsRepository(storage);
      const repo = createCommentDecisionsRepository(storage);
      const waiting = comment();
      const refused = comment({ status: 'rejected' });
      await comments.insert(waiting);
      await comments.insert(refused);
      assert.equal(await repo.appeal(waiting.id, 'Why?', at), false);
      assert.equal(await repo.appeal(refused.id, 'Why?', at), true);
      assert.equal(await repo.appeal(refused.id, 'Why, again?', at), false);
      const row = await storage.db
        .selectFrom('comments')
        .select(['appeal', 'appealed_at'])
        .where('id', '=', refused.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { appeal: 'Why?', appealed_at: at });
    });
  });
}
