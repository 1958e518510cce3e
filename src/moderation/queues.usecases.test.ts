import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import { TEST_NOW } from '../http/testing.ts';
import { decideComment } from './decisions.usecases.ts';
import type { Queue, QueueQuery } from './queues.ts';
import { countQueues, listQueue, loadItem } from './queues.usecases.ts';
import { minutesAgo, type Workspace, workspace } from './testing.ts';

const failed = (name: string, score: number) => ({
  decision: 'hold',
  checks: { [name]: { verdict: 'fail', score, reason: 'r' }, length: { verdict: 'pass', score: 0 } },
});

describe('the queues', () => {
  let w: Workspace;
  let otherStory: string;
  let ids: Record<string, string>;
  let ravi: User;
  before(async () => {
    w = await workspace();
    ravi = await w.user('Ravi Kumar');
    otherStory = (
      await w.s.storiesRepository.ensure({
        id: 'story-other',
        siteId: 'demo',
        key: 'url:https://news.test/other',
        articleId: null,
        url: 'https://news.test/other',
        title: 'Other',
        openedAt: TEST_NOW.toISOString(),
        createdAt: TEST_NOW.toISOString(),
      })
    ).id;
    ids = {
      oldHeld: await w.comment({
        createdAt: minutesAgo(90),
        moderation: failed('english', 0.9),
        body: 'Yeh sarkar kuch nahi karegi.',
      }),
      newHeld: await w.comment({ createdAt: minutesAgo(30), moderation: failed('spam', 0.5), author: ravi }),
      elsewhere: await w.comment({ createdAt: minutesAgo(20), storyId: otherStory, body: 'On the OTHER story.' }),
      published: await w.comment({ createdAt: minutesAgo(50), status: 'published' }),
      approved: await w.comment({ createdAt: minutesAgo(40) }),
      refused: await w.comment({ createdAt: minutesAgo(45) }),
    };
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id: ids.approved!,
      decision: { action: 'approve', version: 0 },
    });
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id: ids.refused!,
      decision: { action: 'refuse', version: 0, reason: 'other' },
    });
  });
  after(async () => w?.app.close());

  const list = async (queue: Queue, q: Partial<QueueQuery> = {}) =>
    (await listQueue(w.s, w.site, { queue, limit: 25, ...q })).map((i) => i.id);

  it('holds what waits, oldest first, and keeps the records newest first', async () => {
    assert.deepEqual(await list('pending'), [ids.oldHeld, ids.newHeld, ids.elsewhere]);
    assert.deepEqual(await list('unmoderated'), [ids.published]);
    assert.deepEqual(await list('approved'), [ids.approved]);
    assert.deepEqual(await list('refused'), [ids.refused]);
    assert.deepEqual(await list('pending', { limit: 1 }), [ids.oldHeld]);
  });

  it('filters by the check that failed and by its score', async () => {
    assert.deepEqual(await list('pending', { check: 'english' }), [ids.oldHeld]);
    assert.deepEqual(await list('pending', { check: 'length' }), []);
    assert.deepEqual(await list('pending', { minScore: 0.6 }), [ids.oldHeld]);
    assert.deepEqual(await list('pending', { minScore: 0.5 }), [ids.oldHeld, ids.newHeld]);
    assert.deepEqual(await list('pending', { check: 'spam', minScore: 0.6 }), []);
  });

  it('filters by words of the text or of the author, by story, by section and by time', async () => {
    assert.deepEqual(await list('pending', { text: 'other story' }), [ids.elsewhere]);
    assert.deepEqual(await list('pending', { text: '100%_' }), []);
    assert.deepEqual(await list('pending', { author: 'ravi' }), [ids.newHeld]);
    assert.deepEqual(await list('pending', { storyId: otherStory }), [ids.elsewhere]);
    const article = await w.s.articlesRepository.getPublishedBySlug(
      'demo',
      'island-nations-agree-to-reopen-fisheries-talks',
    );
    assert.deepEqual(await list('pending', { sectionId: article!.section.id }), [ids.oldHeld, ids.newHeld]);
    assert.deepEqual(await list('pending', { before: minutesAgo(60) }), [ids.oldHeld]);
  });

  it('counts every queue of the site', async () => {
    assert.deepEqual(await countQueues(w.s, w.site), {
      pending: 3,
      reported: 0,
      unmoderated: 1,
      approved: 1,
      refused: 1,
      appeals: 0,
    });
  });

  it("shows an item with its story, its parent and the author's record", async () => {
    const reply = await w.comment({ parentId: ids.published!, author: ravi });
    const item = await loadItem(w.s, w.site, reply);
    assert.equal(item.storyTitle.length > 0, true);
    assert.match(item.parentExcerpt!, /^A comment about the harbour/);
    assert.deepEqual(item.authorRecord, { pending: 2 });
    assert.deepEqual(item.reports, []);
    await assert.rejects(loadItem(w.s, w.site, 'nope'), { code: 'COMMENT_NOT_FOUND' });
  });
});

describe('the reported and appeals queues', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  it('lists published comments reported since the last decision, the best-founded reports first', async () => {
    const good = await w.user('Good Reporter');
    const poor = await w.user('Poor Reporter');
    // Good's two reports were upheld; Poor's two were not.
    for (const [reporter, action] of [
      [good, 'refuse'],
      [good, 'refuse'],
      [poor, 'approve'],
      [poor, 'approve'],
    ] as const) {
      const id = await w.comment({ status: 'published' });
      await w.report(id, reporter, 'abusive', minutesAgo(5));
      await decideComment(w.s, { site: w.site, actor: w.mod, id, decision: { action, version: 0, reason: 'abusive' } });
    }
    const byPoor = await w.comment({ status: 'published', createdAt: minutesAgo(50) });
    const byGood = await w.comment({ status: 'published', createdAt: minutesAgo(40) });
    await w.report(byPoor, poor);
    await w.report(byGood, good);
    const items = await listQueue(w.s, w.site, { queue: 'reported', limit: 25 });
    assert.deepEqual(
      items.map((i) => [i.id, i.reports]),
      [
        [byGood, [{ reason: 'spam', count: 1, weight: 0.75 }]],
        [byPoor, [{ reason: 'spam', count: 1, weight: 0.25 }]],
      ],
    );
    // a decision clears the reports made before it; a later report brings the comment back
    await decideComment(w.s, { site: w.site, actor: w.mod, id: byGood, decision: { action: 'approve', version: 0 } });
    assert.deepEqual(
      (await listQueue(w.s, w.site, { queue: 'reported', limit: 25 })).map((i) => i.id),
      [byPoor],
    );
    await w.report(byGood, poor, 'abusive', new Date(TEST_NOW.getTime() + 60_000).toISOString());
    assert.equal((await countQueues(w.s, w.site)).reported, 2);
  });

  it('lists refused comments appealed since their last decision', async () => {
    const id = await w.comment();
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id,
      decision: { action: 'refuse', version: 0, reason: 'other' },
    });
    assert.equal((await countQueues(w.s, w.site)).appeals, 0);
    await w.s.commentDecisionsRepository.appeal(
      id,
      'Please look again.',
      new Date(TEST_NOW.getTime() + 1).toISOString(),
    );
    const [item] = await listQueue(w.s, w.site, { queue: 'appeals', limit: 25 });
    assert.deepEqual([item!.id, item!.appeal], [id, 'Please look again.']);
    await decideComment(w.s, { site: w.site, actor: w.admin, id, decision: { action: 'approve', version: 1 } });
    assert.equal((await countQueues(w.s, w.site)).appeals, 0);
  });
});
