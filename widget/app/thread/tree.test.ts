import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comment, reply, shape } from '../testing.ts';
import {
  addReply,
  appendPage,
  asDeleted,
  asEdited,
  asRemoved,
  contains,
  mapTree,
  prepend,
  threadFirst,
  withAllReplies,
} from './tree.ts';

// a → b → c → d (d at the deepest level), and e alone
function tree() {
  const a = comment('a');
  const b = reply('b', a);
  const c = reply('c', b);
  const d = reply('d', c);
  return [
    { ...a, replyCount: 1, replies: [{ ...b, replyCount: 1, replies: [{ ...c, replyCount: 1, replies: [d] }] }] },
    comment('e'),
  ];
}

describe('the comment tree', () => {
  it('finds a comment at any depth', () => {
    const list = tree();
    for (const id of ['a', 'b', 'c', 'd', 'e']) assert.ok(contains(list, id), id);
    assert.equal(contains(list, 'z'), false);
    assert.equal(contains([], 'a'), false);
  });

  it('changes one comment wherever it is and leaves the rest as they were', () => {
    const list = tree();
    const after = mapTree(list, 'c', (c) => ({ ...c, html: '<p>changed</p>' }));
    assert.equal(after[0]!.replies[0]!.replies[0]!.html, '<p>changed</p>');
    assert.equal(list[0]!.replies[0]!.replies[0]!.html, '<p>c</p>', 'the old tree is untouched');
    assert.equal(after[1], list[1], 'a branch without the comment keeps its identity');
    assert.deepEqual(shape(after), shape(list));
  });

  it('changes nothing for an id it does not have', () => {
    const list = tree();
    assert.deepEqual(
      mapTree(list, 'z', () => comment('x')),
      list,
    );
  });

  it('puts a reply under its parent and counts it', () => {
    const list = tree();
    const r = reply('r', list[1]!);
    const after = addReply(list, r);
    assert.deepEqual(shape(after), ['a', ['b', ['c', ['d']]], 'e', ['r']]);
    assert.equal(after[1]!.replyCount, 1);
  });

  it('puts a reply to a reply in its place, deeper down', () => {
    const list = tree();
    const b = list[0]!.replies[0]!;
    const after = addReply(list, reply('r', b));
    assert.deepEqual(shape(after), ['a', ['b', ['c', ['d'], 'r']], 'e']);
    assert.equal(after[0]!.replies[0]!.replyCount, 2);
  });

  it('shows a reply to the deepest level beside its parent, not under it', () => {
    const list = tree();
    const d = list[0]!.replies[0]!.replies[0]!.replies[0]!;
    assert.equal(d.depth, 3);
    const after = addReply(list, reply('r', d, { depth: 3 }));
    assert.deepEqual(shape(after), ['a', ['b', ['c', ['d', 'r']]], 'e']);
    assert.equal(after[0]!.replies[0]!.replies[0]!.replies[0]!.replies.length, 0);
  });

  it('does not add a reply twice', () => {
    const list = tree();
    const r = reply('r', list[1]!);
    const once = addReply(list, r);
    assert.deepEqual(addReply(once, r), once);
    assert.equal(addReply(once, r)[1]!.replyCount, 1);
    const d = list[0]!.replies[0]!.replies[0]!.replies[0]!;
    const beside = addReply(list, reply('s', d, { depth: 3 }));
    assert.deepEqual(shape(addReply(beside, reply('s', d, { depth: 3 }))), shape(beside));
  });

  it('drops a reply whose parent is not shown', () => {
    const list = tree();
    const orphan = comment('r', { parentId: 'gone', depth: 1 });
    assert.deepEqual(shape(addReply(list, orphan)), shape(list));
  });

  it('appends the next page without the comments already shown', () => {
    const list = tree();
    const after = appendPage(list, [comment('e'), comment('f'), comment('c')]);
    assert.deepEqual(shape(after), ['a', ['b', ['c', ['d']]], 'e', 'f']);
  });

  it('puts new comments first, skipping those already shown', () => {
    const list = tree();
    const after = prepend(list, [comment('n2'), comment('e'), comment('n1')]);
    assert.deepEqual(shape(after), ['n2', 'n1', 'a', ['b', ['c', ['d']]], 'e']);
    assert.deepEqual(prepend(list, []), list);
  });

  it("puts a permalink's thread first, once", () => {
    const page = [comment('x'), comment('a'), comment('y')];
    const thread = tree()[0]!;
    assert.deepEqual(shape(threadFirst(page, thread)), ['a', ['b', ['c', ['d']]], 'x', 'y']);
  });

  it('adds the rest of the replies once, and leaves no "more replies"', () => {
    const a = { ...comment('a'), replies: [reply('b', comment('a'))], moreReplies: 2 };
    const after = withAllReplies(a, [reply('b', a), reply('c', a), reply('d', a)]);
    assert.deepEqual(shape([after]), ['a', ['b', 'c', 'd']]);
    assert.equal(after.moreReplies, 0);
  });

  it('keeps the place of a deleted comment, without its words', () => {
    const c = comment('a', { replies: [comment('b')] });
    const gone = asDeleted(c);
    assert.equal(gone.deleted, true);
    assert.equal(gone.html, '');
    assert.equal(gone.status, 'deleted');
    assert.equal(gone.replies.length, 1);
  });

  it("removes another reader's comment heard live, but keeps the reader's own as they see it", () => {
    assert.equal(asRemoved(comment('a')).deleted, true);
    const held = comment('a', { mine: true, status: 'pending', statusReason: 'Links wait for a moderator.' });
    assert.equal(asRemoved(held), held);
    const rejected = comment('a', { mine: true, status: 'rejected' });
    assert.equal(asRemoved(rejected), rejected);
    const deletedByMe = comment('a', { mine: true, status: 'deleted' });
    assert.equal(asRemoved(deletedByMe).deleted, true);
  });

  it('takes the words, the edit mark and the featured flag from an edit heard live, and nothing else', () => {
    const mine = comment('a', { mine: true, reactions: { count: 2, mine: false }, editableUntil: '2025-03-01T10:15Z' });
    const edited = comment('a', {
      html: '<p>new words</p>',
      editedAt: '2025-03-01T10:05:00.000Z',
      featured: true,
      mine: false,
      reactions: { count: 9, mine: true },
      editableUntil: null,
    });
    const after = asEdited(mine, edited);
    assert.equal(after.html, '<p>new words</p>');
    assert.equal(after.editedAt, '2025-03-01T10:05:00.000Z');
    assert.equal(after.featured, true);
    assert.equal(after.mine, true);
    assert.deepEqual(after.reactions, { count: 2, mine: false });
    assert.equal(after.editableUntil, '2025-03-01T10:15Z');
  });
});
