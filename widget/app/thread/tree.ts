// The comment tree as the widget holds it: top-level comments, each with the
// replies loaded so far. Every function returns a new tree and leaves the old
// one alone (Preact sees a change by identity).
import type { Comment } from '../types.ts';

/** Replies past this depth are shown beside their parent rather than under it (the API's deepest level). */
export const DEEPEST = 3;

/** The tree with the comment `id` replaced by `f(comment)`, wherever it is. */
export function mapTree(list: Comment[], id: string, f: (c: Comment) => Comment): Comment[] {
  return list.map((c) => (c.id === id ? f(c) : c.replies.length ? { ...c, replies: mapTree(c.replies, id, f) } : c));
}

export function contains(list: Comment[], id: string): boolean {
  return list.some((c) => c.id === id || contains(c.replies, id));
}

/** Where a reply is shown: under its parent, or beside it past the deepest level. */
export function addReply(list: Comment[], reply: Comment): Comment[] {
  return list.map((c) => {
    if (c.id === reply.parentId) {
      if (c.depth >= DEEPEST) return c;
      return c.replies.some((r) => r.id === reply.id)
        ? c
        : { ...c, replies: [...c.replies, reply], replyCount: c.replyCount + 1 };
    }
    if (c.replies.some((r) => r.id === reply.parentId && r.depth >= DEEPEST))
      return c.replies.some((r) => r.id === reply.id) ? c : { ...c, replies: [...c.replies, reply] };
    return c.replies.length ? { ...c, replies: addReply(c.replies, reply) } : c;
  });
}

/** The next page of top-level comments after those shown, without any already in the tree. */
export function appendPage(list: Comment[], page: Comment[]): Comment[] {
  return [...list, ...page.filter((c) => !contains(list, c.id))];
}

/** New top-level comments put first, skipping those the tree already has. */
export function prepend(list: Comment[], fresh: Comment[]): Comment[] {
  return [...fresh.filter((c) => !contains(list, c.id)), ...list];
}

/** A permalink's thread first, then the page without it. */
export function threadFirst(page: Comment[], thread: Comment): Comment[] {
  return [thread, ...page.filter((c) => c.id !== thread.id)];
}

/** The rest of a comment's replies, once they are all fetched: no "more replies" left. */
export function withAllReplies(c: Comment, fetched: Comment[]): Comment {
  const seen = new Set(c.replies.map((r) => r.id));
  return { ...c, replies: [...c.replies, ...fetched.filter((r) => !seen.has(r.id))], moreReplies: 0 };
}

/** How a comment looks once deleted: its place kept, its words gone. */
export function asDeleted(c: Comment): Comment {
  return { ...c, deleted: true, html: '', status: 'deleted' };
}

/**
 * A removal heard live. The reader's own comment stays as the reader sees it
 * (held or refused, with its reason) unless the reader deleted it.
 */
export function asRemoved(c: Comment): Comment {
  return c.mine && c.status !== 'deleted' ? c : asDeleted(c);
}

/** An edit heard live: the new words, the edit mark and the featured flag; the rest is the reader's own view. */
export function asEdited(c: Comment, edited: Comment): Comment {
  return { ...c, html: edited.html, editedAt: edited.editedAt, featured: edited.featured };
}
