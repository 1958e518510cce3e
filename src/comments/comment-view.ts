import type { Comment } from './comment-rows.repository.ts';
import type { CommentSettings, Story } from './stories.repository.ts';

// What readers are shown of comments: each comment's view for one viewer and
// the visible tree of a page of threads. Pure: the use cases load, this shapes.

/** Replies nest this deep; deeper ones are shown at this level, "in reply to" their parent. */
export const MAX_DEPTH = 3;
/** Replies shown under a comment before "more replies". */
export const REPLIES_SHOWN = 3;
export const STAFF = new Set(['moderator', 'editor', 'admin']);

export interface CommentView {
  id: string;
  storyId: string;
  parentId: string | null;
  depth: number;
  author: { id: string | null; name: string; badges: string[]; staff: string | null; storyAuthor: boolean };
  html: string;
  status: Comment['status'];
  /** for the author: why a comment is held or was refused */
  statusReason: string | null;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  featured: boolean;
  reactions: { count: number; mine: boolean };
  replyCount: number;
  inReplyTo: { id: string; name: string } | null;
  replies: CommentView[];
  moreReplies: number;
  mine: boolean;
  editableUntil: string | null;
}

export interface StoryInfo {
  id: string;
  title: string;
  url: string;
  closed: boolean;
  commentCount: number;
  closedMessage: string | null;
}

export interface ThreadPage {
  story: StoryInfo;
  comments: CommentView[];
  nextCursor: string | null;
}

/** Who is looking, and what the views need to know about them and the story. */
export interface ViewContext {
  viewerId: string | null;
  mineReacted: Set<string>;
  storyAuthors: Set<string>;
  /** comment id → its author's name, for "in reply to" */
  names: Map<string, string>;
  settings: CommentSettings;
  /** the time now, ISO 8601 */
  now: string;
}

export function commentView(c: Comment, ctx: ViewContext): CommentView {
  const deleted = c.status === 'deleted';
  const mine = Boolean(ctx.viewerId && c.authorId === ctx.viewerId);
  const editableUntil =
    mine && !deleted
      ? new Date(new Date(c.createdAt).getTime() + ctx.settings.editWindowSeconds * 1000).toISOString()
      : null;
  return {
    id: c.id,
    storyId: c.storyId,
    parentId: c.parentId,
    depth: c.depth,
    author: deleted
      ? { id: null, name: '', badges: [], staff: null, storyAuthor: false }
      : {
          id: c.authorId,
          name: c.authorName,
          badges: c.authorBadges,
          staff: c.authorRole && STAFF.has(c.authorRole) ? c.authorRole : null,
          storyAuthor: Boolean(c.authorId && ctx.storyAuthors.has(c.authorId)),
        },
    html: deleted ? '' : c.bodyHtml,
    status: c.status,
    statusReason: mine ? c.statusReason : null,
    deleted,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    featured: c.featured,
    reactions: { count: c.reactionCount, mine: ctx.mineReacted.has(c.id) },
    replyCount: c.replyCount,
    inReplyTo:
      c.parentId && c.parentId !== c.displayParentId ? { id: c.parentId, name: ctx.names.get(c.parentId) ?? '' } : null,
    replies: [],
    moreReplies: 0,
    mine,
    editableUntil: editableUntil && editableUntil > ctx.now ? editableUntil : null,
  };
}

/** The view every reader gets in a live update: nothing that is only the author's. */
export const publicView = (v: CommentView): CommentView => ({
  ...v,
  mine: false,
  editableUntil: null,
  statusReason: null,
});

/**
 * The visible tree under a page of top-level comments. Replies hang under
 * their display parent; the first few show unless `expand` names one of them
 * (a permalinked comment's way down is opened fully).
 */
export function buildTree(top: Comment[], replies: Comment[], ctx: ViewContext, expand?: Set<string>): CommentView[] {
  const byParent = new Map<string, Comment[]>();
  for (const r of replies) {
    const list = byParent.get(r.displayParentId ?? '') ?? [];
    list.push(r);
    byParent.set(r.displayParentId ?? '', list);
  }
  const attach = (c: Comment): CommentView => {
    const v = commentView(c, ctx);
    const children = byParent.get(c.id) ?? [];
    const shown = expand && children.some((k) => expand.has(k.id)) ? children : children.slice(0, REPLIES_SHOWN);
    v.replies = shown.map(attach);
    v.moreReplies = children.length - shown.length;
    return v;
  };
  return top.map(attach);
}

/** Names of the comments replied to, for "in reply to"; deleted ones have none. */
export function namesOf(comments: Comment[]): Map<string, string> {
  return new Map(comments.map((c) => [c.id, c.status === 'deleted' ? '' : c.authorName]));
}

/** Parents that replies name but that are not among the comments loaded. */
export function missingParents(replies: Comment[], names: Map<string, string>): string[] {
  return [...new Set(replies.filter((r) => r.parentId && !names.has(r.parentId)).map((r) => r.parentId!))];
}

/** Where a new reply sits: its depth, the parent it is shown under and its thread's root. */
export function placeReply(parent: Pick<Comment, 'id' | 'depth' | 'displayParentId' | 'rootId'> | undefined): {
  depth: number;
  displayParentId: string | null;
  rootId: string | null;
} {
  if (!parent) return { depth: 0, displayParentId: null, rootId: null };
  return {
    depth: Math.min(parent.depth + 1, MAX_DEPTH),
    displayParentId: parent.depth >= MAX_DEPTH ? parent.displayParentId : parent.id,
    rootId: parent.rootId ?? parent.id,
  };
}

export function storyInfo(story: Story, closedMessage: string | null): StoryInfo {
  return {
    id: story.id,
    title: story.title,
    url: story.url,
    closed: closedMessage !== null,
    commentCount: story.commentCount,
    closedMessage,
  };
}
