import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../live.ts';
import { comment, reply, shape, story } from '../testing.ts';
import type { Comment } from '../types.ts';
import { initialThread, revealsInPlace, type ThreadAction, type ThreadState, threadReducer } from './reducer.ts';

const run = (state: ThreadState, ...actions: ThreadAction[]) => actions.reduce(threadReducer, state);
const live = (event: LiveEvent): ThreadAction => ({ type: 'live', event });
const loaded = (comments: Comment[], more = false, nextCursor: string | null = null, count = comments.length) =>
  ({ type: 'loaded', story: story({ commentCount: count }), comments, nextCursor, more }) as const;

/** A thread showing a (with reply b) and c, 3 comments in all. */
function shown(): ThreadState {
  const a = comment('a');
  return run(
    initialThread(story()),
    loaded([{ ...a, replies: [reply('b', a)], replyCount: 1 }, comment('c')], false, 'k1', 3),
  );
}

describe('the thread reducer', () => {
  it('starts empty, with the story it was given', () => {
    const s = initialThread(story({ commentCount: 4 }));
    assert.deepEqual(s.list, []);
    assert.deepEqual(s.waiting, []);
    assert.equal(s.cursor, null);
    assert.equal(s.story.commentCount, 4);
  });

  it('shows the first page, the story as it is now and where the next page starts', () => {
    const s = shown();
    assert.deepEqual(shape(s.list), ['a', ['b'], 'c']);
    assert.equal(s.cursor, 'k1');
    assert.equal(s.story.commentCount, 3);
  });

  it('adds the next page after the comments shown, without repeating one', () => {
    const s = run(shown(), loaded([comment('c'), comment('d')], true, null, 4));
    assert.deepEqual(shape(s.list), ['a', ['b'], 'c', 'd']);
    assert.equal(s.cursor, null);
    assert.equal(s.story.commentCount, 4);
  });

  it('keeps the waiting comments across a next page, and forgets them on a fresh first page', () => {
    const waiting = run(shown(), live({ type: 'created', comment: comment('n') }));
    assert.equal(run(waiting, loaded([comment('d')], true)).waiting.length, 1);
    assert.equal(run(waiting, loaded([comment('n'), comment('a')])).waiting.length, 0);
  });

  it('holds a new comment heard live behind the button, and counts it', () => {
    const s = run(
      shown(),
      live({ type: 'created', comment: comment('n1') }),
      live({ type: 'created', comment: comment('n2') }),
    );
    assert.deepEqual(shape(s.list), ['a', ['b'], 'c']);
    assert.deepEqual(
      s.waiting.map((c) => c.id),
      ['n2', 'n1'],
    );
    assert.equal(s.story.commentCount, 5);
  });

  it('shows the waiting comments first when asked, newest first', () => {
    const s = run(
      shown(),
      live({ type: 'created', comment: comment('n1') }),
      live({ type: 'created', comment: comment('n2') }),
      { type: 'revealed' },
    );
    assert.deepEqual(shape(s.list), ['n2', 'n1', 'a', ['b'], 'c']);
    assert.deepEqual(s.waiting, []);
  });

  it('does not hold the same new comment twice', () => {
    const n = comment('n');
    const s = run(shown(), live({ type: 'created', comment: n }), live({ type: 'created', comment: n }));
    assert.equal(s.waiting.length, 1);
  });

  it('ignores a live comment that is already shown', () => {
    const before = shown();
    assert.equal(run(before, live({ type: 'created', comment: comment('c') })), before);
    assert.equal(run(before, live({ type: 'created', comment: reply('b', comment('a')) })), before);
  });

  it('puts a reply heard live in its place at once, and counts it', () => {
    const s = run(shown(), live({ type: 'created', comment: reply('r', comment('c')) }));
    assert.deepEqual(shape(s.list), ['a', ['b'], 'c', ['r']]);
    assert.deepEqual(s.waiting, []);
    assert.equal(s.story.commentCount, 4);
  });

  it("shows the reader's new comment first and does not show its live echo again", () => {
    const mine = comment('m', { mine: true });
    const s = run(shown(), { type: 'posted', comment: mine }, live({ type: 'created', comment: mine }));
    assert.deepEqual(shape(s.list), ['m', 'a', ['b'], 'c']);
    assert.deepEqual(s.waiting, []);
    assert.equal(s.story.commentCount, 4);
  });

  it("moves the reader's comment out of the waiting ones when its echo came first", () => {
    const mine = comment('m', { mine: true });
    const s = run(shown(), live({ type: 'created', comment: mine }), { type: 'posted', comment: mine });
    assert.deepEqual(shape(s.list), ['m', 'a', ['b'], 'c']);
    assert.deepEqual(s.waiting, []);
  });

  it("does not count the reader's held comment until a moderator publishes it", () => {
    const held = comment('m', { mine: true, status: 'pending' });
    const s = run(shown(), { type: 'posted', comment: held });
    assert.equal(s.list[0]!.id, 'm');
    assert.equal(s.story.commentCount, 3);
  });

  it("puts the reader's reply under its parent, counts it once and ignores its echo", () => {
    const r = reply('r', comment('a'), { mine: true });
    const s = run(shown(), { type: 'replied', comment: r }, live({ type: 'created', comment: r }));
    assert.deepEqual(shape(s.list), ['a', ['b', 'r'], 'c']);
    assert.equal(s.list[0]!.replyCount, 2);
    assert.equal(s.story.commentCount, 4);
    const held = run(shown(), { type: 'replied', comment: { ...r, status: 'pending' } });
    assert.equal(held.story.commentCount, 3);
  });

  it("keeps the writer's own view of a reply whose live echo came first, counted once", () => {
    const mine = reply('r', comment('a'), { mine: true, editableUntil: '2025-03-01T10:10:00.000Z' });
    const echo = { ...mine, mine: false, editableUntil: null };
    const s = run(shown(), live({ type: 'created', comment: echo }), { type: 'replied', comment: mine });
    assert.deepEqual(shape(s.list), ['a', ['b', 'r'], 'c']);
    assert.equal(s.list[0]!.replies[1]!.mine, true);
    assert.equal(s.list[0]!.replies[1]!.editableUntil, '2025-03-01T10:10:00.000Z');
    assert.equal(s.list[0]!.replyCount, 2);
    assert.equal(s.story.commentCount, 4);
  });

  it("counts the reader's new comment once when its echo came first", () => {
    const mine = comment('m', { mine: true });
    const s = run(shown(), live({ type: 'created', comment: { ...mine, mine: false } }), {
      type: 'posted',
      comment: mine,
    });
    assert.equal(s.list[0]!.mine, true);
    assert.equal(s.story.commentCount, 4);
  });

  it("shows a reaction's new count heard live, keeping whether the reader reacted", () => {
    const a = comment('a', { reactions: { count: 1, mine: true } });
    const start = run(initialThread(story()), loaded([{ ...a, replies: [reply('b', a)] }]));
    const s = run(start, live({ type: 'reacted', id: 'a', count: 5 }), live({ type: 'reacted', id: 'b', count: 2 }));
    assert.deepEqual(s.list[0]!.reactions, { count: 5, mine: true });
    assert.deepEqual(s.list[0]!.replies[0]!.reactions, { count: 2, mine: false });
  });

  it('counts the notifications heard live, for the bell to ask again', () => {
    const s = run(shown(), live({ type: 'notified' }), live({ type: 'notified' }));
    assert.equal(s.notified, 2);
    assert.deepEqual(shape(s.list), shape(shown().list));
  });

  it('applies an edit heard live in place', () => {
    const edited = reply('b', comment('a'), {
      html: '<p>better</p>',
      editedAt: '2025-03-01T10:03:00.000Z',
      featured: true,
    });
    const s = run(shown(), live({ type: 'edited', id: 'b', comment: edited }));
    const b = s.list[0]!.replies[0]!;
    assert.equal(b.html, '<p>better</p>');
    assert.equal(b.editedAt, '2025-03-01T10:03:00.000Z');
    assert.equal(b.featured, true);
  });

  it('shows a removal heard live as a deleted comment, keeping its replies', () => {
    const s = run(shown(), live({ type: 'removed', id: 'a' }));
    assert.equal(s.list[0]!.deleted, true);
    assert.equal(s.list[0]!.html, '');
    assert.deepEqual(shape(s.list), ['a', ['b'], 'c']);
  });

  it("keeps the reader's own held comment when a removal of it is heard", () => {
    const held = comment('m', { mine: true, status: 'pending' });
    const s = run(shown(), { type: 'posted', comment: held }, live({ type: 'removed', id: 'm' }));
    assert.equal(s.list[0]!.deleted, false);
    assert.equal(s.list[0]!.status, 'pending');
  });

  it("applies the server's answer to the reader's change", () => {
    const s = run(shown(), { type: 'changed', id: 'b', patch: { reactions: { count: 1, mine: true } } });
    assert.deepEqual(s.list[0]!.replies[0]!.reactions, { count: 1, mine: true });
    const f = run(s, { type: 'changed', id: 'c', patch: { featured: true } });
    assert.equal(f.list[1]!.featured, true);
  });

  it("marks the reader's deleted comment", () => {
    const s = run(shown(), { type: 'deleted', id: 'c' });
    assert.equal(s.list[1]!.deleted, true);
    assert.equal(s.list[1]!.status, 'deleted');
  });

  it('adds the rest of the replies and drops the "more replies" button', () => {
    const a = comment('a');
    const start = run(initialThread(story()), loaded([{ ...a, replies: [reply('b', a)], moreReplies: 2 }]));
    const s = run(start, { type: 'repliesLoaded', id: 'a', replies: [reply('b', a), reply('c', a), reply('d', a)] });
    assert.deepEqual(shape(s.list), ['a', ['b', 'c', 'd']]);
    assert.equal(s.list[0]!.moreReplies, 0);
  });

  it('slots waiting comments in at the top only when the newest of all comments are shown', () => {
    assert.equal(revealsInPlace('newest', 'all'), true);
    assert.equal(revealsInPlace('oldest', 'all'), false);
    assert.equal(revealsInPlace('reactions', 'all'), false);
    assert.equal(revealsInPlace('newest', 'featured'), false);
  });
});
