import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUsersRepository } from '../accounts/users.repository.ts';
import { newId } from '../shared/ids.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { type Comment, createCommentsRepository, cursorOf, type NewComment } from './comments.repository.ts';
import { createStoriesRepository } from './stories.repository.ts';

// The same behaviour from both engines, including SQLite's prepared fast path.
for (const engine of await enginesUnderTest()) {
  describe(`comments repository on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    let storyId: string;
    const users: string[] = [];
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const at = () => {
      t += 1000;
      return new Date(t).toISOString();
    };

    function comment(over: Partial<NewComment>): NewComment {
      return {
        id: newId(),
        siteId: 's1',
        storyId,
        parentId: null,
        displayParentId: null,
        rootId: null,
        depth: 0,
        authorId: users[0]!,
        authorName: 'A',
        body: 'text',
        bodyHtml: '<p>text</p>',
        status: 'published',
        statusReason: null,
        moderation: '{}',
        contentHash: newId(),
        idempotencyKey: null,
        createdAt: at(),
        ...over,
      };
    }

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
        createdAt: at(),
      });
      for (const name of ['a', 'b', 'c']) {
        const id = newId();
        await createUsersRepository(storage).insert({
          id,
          siteId: 's1',
          email: `${name}@x.example`,
          emailVerified: true,
          displayName: name.toUpperCase(),
          passwordHash: null,
          badges: ['subscriber'],
          createdAt: at(),
        });
        users.push(id);
      }
      storyId = (
        await createStoriesRepository(storage).ensure({
          id: newId(),
          siteId: 's1',
          key: 'ext:1',
          articleId: null,
          url: 'https://s1.example/1',
          title: 'One',
          openedAt: at(),
          createdAt: at(),
        })
      ).id;
    });
    after(async () => {
      await storage.close();
    });

    it('inserts, counting published comments on the story and replies on the parent', async () => {
      const repo = createCommentsRepository(storage);
      const top = comment({ body: 'top' });
      await repo.insert(top);
      await repo.insert(
        comment({ parentId: top.id, displayParentId: top.id, rootId: top.id, depth: 1, authorId: users[1]! }),
      );
      await repo.insert(
        comment({
          parentId: top.id,
          displayParentId: top.id,
          rootId: top.id,
          depth: 1,
          status: 'pending',
          authorId: users[2]!,
        }),
      );
      const got = (await repo.get(top.id))!;
      assert.equal(got.replyCount, 1);
      assert.deepEqual(got.authorBadges, ['subscriber']);
      assert.equal((await createStoriesRepository(storage).get(storyId))?.commentCount, 2);
    });

    it('finds a recent duplicate by author, story, parent and text', async () => {
      const repo = createCommentsRepository(storage);
      const c = comment({ contentHash: 'same-hash' });
      await repo.insert(c);
      const q = {
        authorId: users[0]!,
        storyId,
        parentId: null,
        contentHash: 'same-hash',
        since: '2020-01-01T00:00:00.000Z',
      };
      assert.equal((await repo.findRecentDuplicate(q))?.id, c.id);
      assert.equal(await repo.findRecentDuplicate({ ...q, parentId: c.id }), undefined);
      assert.equal(await repo.findRecentDuplicate({ ...q, authorId: users[1]! }), undefined);
      assert.equal(await repo.findRecentDuplicate({ ...q, since: '2030-01-01T00:00:00.000Z' }), undefined);
    });

    it('pages top-level comments in every order with keyset cursors', async () => {
      const repo = createCommentsRepository(storage);
      for (let i = 0; i < 5; i++) await repo.insert(comment({ body: `n${i}` }));
      const all = async (sort: 'newest' | 'oldest' | 'reactions' | 'replies') => {
        const out: Comment[] = [];
        let cursor: (string | number)[] | undefined;
        for (;;) {
          const page = await repo.listTop({ storyId, sort, limit: 3, viewerId: null, ...(cursor ? { cursor } : {}) });
          out.push(...page);
          if (page.length < 3) return out;
          cursor = cursorOf(page[page.length - 1]!, sort);
        }
      };
      const newest = await all('newest');
      const oldest = await all('oldest');
      assert.deepEqual(
        oldest.map((c) => c.id),
        newest.map((c) => c.id).reverse(),
      );
      const byReplies = await all('replies');
      assert.equal(byReplies[0]?.replyCount, 1);
      assert.equal(new Set(byReplies.map((c) => c.id)).size, newest.length);
    });

    it('shows authors their own held comments, and nobody else', async () => {
      const repo = createCommentsRepository(storage);
      const held = comment({ status: 'pending', authorId: users[2]! });
      await repo.insert(held);
      const seen = async (viewer: string | null) =>
        (await repo.listTop({ storyId, sort: 'newest', limit: 100, viewerId: viewer })).some((c) => c.id === held.id);
      assert.equal(await seen(null), false);
      assert.equal(await seen(users[0]!), false);
      assert.equal(await seen(users[2]!), true);
    });

    it('counts reactions once per reader and moves counts with status', async () => {
      const repo = createCommentsRepository(storage);
      const c = comment({});
      await repo.insert(c);
      assert.equal(await repo.react(c.id, users[1]!, true, at()), true);
      assert.equal(await repo.react(c.id, users[1]!, true, at()), false);
      assert.equal((await repo.get(c.id))?.reactionCount, 1);
      assert.deepEqual([...(await repo.reactedBy(users[1]!, [c.id]))], [c.id]);
      assert.equal(
        await repo.report({ commentId: c.id, userId: users[1]!, reason: 'spam', note: null, at: at() }),
        true,
      );
      assert.equal(
        await repo.report({ commentId: c.id, userId: users[1]!, reason: 'abusive', note: null, at: at() }),
        false,
      );
      const before = (await createStoriesRepository(storage).get(storyId))!.commentCount;
      await repo.setStatus((await repo.get(c.id))!, 'deleted', 'x', { bodyHtml: '' });
      assert.equal((await createStoriesRepository(storage).get(storyId))!.commentCount, before - 1);
    });

    it('writes posts that arrive together, and a bad one does not sink the rest', async () => {
      const repo = createCommentsRepository(storage);
      const before = (await createStoriesRepository(storage).get(storyId))!.commentCount;
      await repo.insert(comment({ idempotencyKey: 'taken' }));
      const batch = [comment({}), comment({ idempotencyKey: 'taken' }), comment({}), comment({})];
      const results = await Promise.allSettled(batch.map((c) => repo.insert(c)));
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
      );
      for (const [i, c] of batch.entries()) assert.equal(Boolean(await repo.get(c.id)), i !== 1);
      assert.equal((await createStoriesRepository(storage).get(storyId))!.commentCount, before + 4);
    });

    it('keeps idempotency keys unique per author', async () => {
      const repo = createCommentsRepository(storage);
      await repo.insert(comment({ idempotencyKey: 'k1' }));
      await assert.rejects(repo.insert(comment({ idempotencyKey: 'k1' })));
      await repo.insert(comment({ idempotencyKey: 'k1', authorId: users[1]! }));
      assert.ok(await repo.findByIdempotencyKey(users[0]!, 'k1'));
    });
  });
}
