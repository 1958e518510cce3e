import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Activity, COMMENT_WEIGHT, mostDiscussed, rank, score } from './ranking.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const story = (id: string, h: number) => ({ id, publishedAt: hoursAgo(h) });

describe("Top News Today's ranking", () => {
  it('counts a comment as five views', () => {
    const a = story('a', 1);
    assert.equal(score(a, { views: COMMENT_WEIGHT, comments: 0 }, now), score(a, { views: 0, comments: 1 }, now));
  });

  it('lets a story read a lot early give way to a newer one as the day goes on', () => {
    const morning = story('morning', 8);
    const fresh = story('fresh', 1);
    const activity = new Map<string, Activity>([
      ['morning', { views: 300, comments: 0 }],
      ['fresh', { views: 100, comments: 0 }],
    ]);
    assert.deepEqual(
      rank([morning, fresh], activity, now).map((s) => s.id),
      ['fresh', 'morning'],
    );
    // the same reading an hour after publication puts the morning story first
    assert.deepEqual(
      rank([morning, fresh], activity, new Date(morning.publishedAt)).map((s) => s.id),
      ['morning', 'fresh'],
    );
  });

  it('puts the newest first when nothing has been read yet', () => {
    assert.deepEqual(
      rank([story('old', 5), story('new', 1), story('mid', 3)], new Map(), now).map((s) => s.id),
      ['new', 'mid', 'old'],
    );
  });

  it('never scores a story published "in the future" (clock skew) above its readers', () => {
    assert.ok(Number.isFinite(score(story('x', -1), { views: 10, comments: 0 }, now)));
  });

  it('lists the most discussed today, most comments first, leaving out stories without comments', () => {
    const activity = new Map<string, Activity>([
      ['a', { views: 900, comments: 0 }],
      ['b', { views: 0, comments: 2 }],
      ['c', { views: 1, comments: 7 }],
    ]);
    assert.deepEqual(
      mostDiscussed([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], activity, 5).map((s) => s.id),
      ['c', 'b'],
    );
    assert.deepEqual(
      mostDiscussed([{ id: 'b' }, { id: 'c' }], activity, 1).map((s) => s.id),
      ['c'],
    );
  });
});
