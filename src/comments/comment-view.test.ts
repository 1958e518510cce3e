import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Comment } from './comment-rows.repository.ts';
import {
  buildTree,
  commentView,
  MAX_DEPTH,
  missingParents,
  namesOf,
  placeReply,
  publicView,
  REPLIES_SHOWN,
  storyInfo,
  type ViewContext,
} from './comment-view.ts';
import { defaultCommentSettings, type Story } from './stories.repository.ts';

let n = 0;
function comment(changes: Partial<Comment> = {}): Comment {
  n++;
  return {
    id: `c${n}`,
    siteId: 'demo',
    storyId: 's1',
    parentId: null,
    displayParentId: null,
    rootId: null,
    depth: 0,
    authorId: 'u1',
    authorName: 'Asha',
    authorBadges: [],
    authorRole: 'reader',
    body: 'Hello',
    bodyHtml: '<p>Hello</p>',
    status: 'published',
    statusReason: null,
    moderation: '{}',
    featured: false,
    reactionCount: 0,
    replyCount: 0,
    contentHash: 'h',
    createdAt: '2026-06-15T06:25:00.000Z',
    editedAt: null,
    ...changes,
  };
}
const reply = (parent: Comment, changes: Partial<Comment> = {}) =>
  comment({
    parentId: parent.id,
    displayParentId: parent.id,
    rootId: parent.rootId ?? parent.id,
    depth: parent.depth + 1,
    ...changes,
  });
const ctx = (changes: Partial<ViewContext> = {}): ViewContext => ({
  viewerId: null,
  mineReacted: new Set(),
  storyAuthors: new Set(),
  names: new Map(),
  settings: defaultCommentSettings('demo'),
  now: '2026-06-15T06:30:00.000Z',
  ...changes,
});

describe("a comment's view", () => {
  it('shows a published comment to anyone, without what is only the author’s', () => {
    const v = commentView(comment({ statusReason: 'why' }), ctx());
    assert.equal(v.html, '<p>Hello</p>');
    assert.equal(v.author.name, 'Asha');
    assert.equal(v.mine, false);
    assert.equal(v.statusReason, null);
    assert.equal(v.editableUntil, null);
  });

  it('gives its author the reason and the end of the edit window while it is open', () => {
    const c = comment({ status: 'pending', statusReason: 'Waiting for a moderator.' });
    const v = commentView(c, ctx({ viewerId: 'u1' }));
    assert.equal(v.mine, true);
    assert.equal(v.statusReason, 'Waiting for a moderator.');
    assert.equal(v.editableUntil, '2026-06-15T06:35:00.000Z');
    const later = commentView(c, ctx({ viewerId: 'u1', now: '2026-06-15T06:35:00.000Z' }));
    assert.equal(later.editableUntil, null);
  });

  it('keeps a deleted comment as a placeholder: no words, no author, not editable', () => {
    const v = commentView(comment({ status: 'deleted', replyCount: 2 }), ctx({ viewerId: 'u1' }));
    assert.equal(v.deleted, true);
    assert.equal(v.html, '');
    assert.deepEqual(v.author, { id: null, name: '', badges: [], staff: null, storyAuthor: false });
    assert.equal(v.editableUntil, null);
    assert.equal(v.replyCount, 2);
  });

  it('marks staff (not readers) and the story’s own authors', () => {
    assert.equal(commentView(comment({ authorRole: 'moderator' }), ctx()).author.staff, 'moderator');
    assert.equal(commentView(comment({ authorRole: 'editor' }), ctx()).author.staff, 'editor');
    assert.equal(commentView(comment({ authorRole: 'reader' }), ctx()).author.staff, null);
    assert.equal(commentView(comment({ authorRole: null }), ctx()).author.staff, null);
    assert.equal(commentView(comment(), ctx({ storyAuthors: new Set(['u1']) })).author.storyAuthor, true);
    assert.equal(
      commentView(comment({ authorId: null }), ctx({ storyAuthors: new Set(['u1']) })).author.storyAuthor,
      false,
    );
  });

  it('says whether the viewer reacted', () => {
    const c = comment({ reactionCount: 4 });
    assert.deepEqual(commentView(c, ctx({ mineReacted: new Set([c.id]) })).reactions, { count: 4, mine: true });
  });

  it('says whom a reply answers when it is shown under another comment', () => {
    const top = comment();
    const deep = comment({ parentId: 'c-deep', displayParentId: top.id, depth: MAX_DEPTH });
    assert.deepEqual(commentView(deep, ctx({ names: new Map([['c-deep', 'Ravi']]) })).inReplyTo, {
      id: 'c-deep',
      name: 'Ravi',
    });
    assert.equal(commentView(reply(top), ctx()).inReplyTo, null);
  });

  it('has a public form for live updates', () => {
    const v = commentView(comment({ status: 'published', statusReason: 'x' }), ctx({ viewerId: 'u1' }));
    const p = publicView(v);
    assert.equal(p.mine, false);
    assert.equal(p.editableUntil, null);
    assert.equal(p.statusReason, null);
    assert.equal(p.html, v.html);
  });
});

describe('threads', () => {
  it(`shows ${REPLIES_SHOWN} replies under a comment and counts the rest as more replies`, () => {
    const top = comment();
    const replies = Array.from({ length: 5 }, () => reply(top));
    const [thread] = buildTree([top], replies, ctx());
    assert.deepEqual(
      thread!.replies.map((r) => r.id),
      replies.slice(0, REPLIES_SHOWN).map((r) => r.id),
    );
    assert.equal(thread!.moreReplies, 2);
  });

  it('opens the way down to a permalinked comment fully, and only that way', () => {
    const top = comment();
    const replies = Array.from({ length: 5 }, () => reply(top));
    const target = replies[4]!;
    const grandchildren = Array.from({ length: 4 }, () => reply(target));
    const other = reply(replies[0]!);
    const more = [other, ...Array.from({ length: 3 }, () => reply(replies[0]!))];
    const [thread] = buildTree([top], [...replies, ...grandchildren, ...more], ctx(), new Set([top.id, target.id]));
    assert.equal(thread!.replies.length, 5);
    assert.equal(thread!.moreReplies, 0);
    const opened = thread!.replies.find((r) => r.id === target.id)!;
    assert.equal(opened.replies.length, REPLIES_SHOWN);
    assert.equal(opened.moreReplies, 1);
    assert.equal(thread!.replies[0]!.moreReplies, 1);
  });

  it('nests replies under their display parent, top-level comments in the order given', () => {
    const a = comment();
    const b = comment();
    const ra = reply(a);
    const rra = reply(ra);
    const tree = buildTree([b, a], [ra, rra], ctx());
    assert.deepEqual(
      tree.map((t) => t.id),
      [b.id, a.id],
    );
    assert.equal(tree[1]!.replies[0]!.replies[0]!.id, rra.id);
    assert.equal(tree[0]!.replies.length, 0);
  });

  it('names replied-to comments, a deleted one without a name, and finds parents not loaded', () => {
    const a = comment({ authorName: 'Asha' });
    const gone = comment({ status: 'deleted', authorName: 'Ravi' });
    const names = namesOf([a, gone]);
    assert.equal(names.get(a.id), 'Asha');
    assert.equal(names.get(gone.id), '');
    const r1 = comment({ parentId: 'elsewhere' });
    const r2 = comment({ parentId: 'elsewhere' });
    assert.deepEqual(missingParents([r1, r2, reply(a)], names), ['elsewhere']);
  });
});

describe('where a reply sits', () => {
  it('is top-level without a parent', () => {
    assert.deepEqual(placeReply(undefined), { depth: 0, displayParentId: null, rootId: null });
  });

  it('goes one deeper under its parent, in the parent’s thread', () => {
    const top = comment();
    assert.deepEqual(placeReply(top), { depth: 1, displayParentId: top.id, rootId: top.id });
    const r = reply(top);
    assert.deepEqual(placeReply(r), { depth: 2, displayParentId: r.id, rootId: top.id });
  });

  it(`stops at depth ${MAX_DEPTH}: deeper replies are shown beside their parent`, () => {
    const deepest = comment({ depth: MAX_DEPTH, displayParentId: 'above', rootId: 'root' });
    assert.deepEqual(placeReply(deepest), { depth: MAX_DEPTH, displayParentId: 'above', rootId: 'root' });
  });
});

describe("a story's info", () => {
  it('is closed exactly when there is a reason', () => {
    const story = { id: 's', title: 'T', url: 'https://x.test/', commentCount: 3 } as Story;
    assert.deepEqual(storyInfo(story, null), {
      id: 's',
      title: 'T',
      url: 'https://x.test/',
      closed: false,
      commentCount: 3,
      closedMessage: null,
    });
    assert.equal(storyInfo(story, 'Closed.').closed, true);
  });
});
