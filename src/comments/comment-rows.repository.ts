import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { CommentStatus, Database } from '../storage/schema.ts';

// What every part of the comments repository shares: the comment as the
// features see it, the row it is read from and written to, and the orders and
// visibility rules of threads.

export interface Comment {
  id: string;
  siteId: string;
  storyId: string;
  parentId: string | null;
  displayParentId: string | null;
  rootId: string | null;
  depth: number;
  authorId: string | null;
  authorName: string;
  authorBadges: string[];
  authorRole: string | null;
  body: string;
  bodyHtml: string;
  status: CommentStatus;
  statusReason: string | null;
  moderation: string;
  featured: boolean;
  reactionCount: number;
  replyCount: number;
  contentHash: string;
  createdAt: string;
  editedAt: string | null;
}

export type NewComment = Omit<
  Comment,
  'authorBadges' | 'authorRole' | 'reactionCount' | 'replyCount' | 'featured' | 'editedAt'
> & { idempotencyKey: string | null };

export type Sort = 'newest' | 'oldest' | 'reactions' | 'replies';

/** Where a page of comments continues: the sort key values of the last one. */
export type Cursor = (string | number)[];

export function select(db: Kysely<Database>) {
  return db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.site_id',
      'c.story_id',
      'c.parent_id',
      'c.display_parent_id',
      'c.root_id',
      'c.depth',
      'c.author_id',
      'c.author_name',
      'c.body',
      'c.body_html',
      'c.status',
      'c.status_reason',
      'c.moderation',
      'c.featured',
      'c.reaction_count',
      'c.reply_count',
      'c.content_hash',
      'c.created_at',
      'c.edited_at',
      'u.badges as user_badges',
      'u.role as user_role',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

export function toComment(r: Row): Comment {
  let badges: string[] = [];
  try {
    badges = r.user_badges ? (JSON.parse(r.user_badges) as string[]) : [];
  } catch {
    badges = [];
  }
  return {
    id: r.id,
    siteId: r.site_id,
    storyId: r.story_id,
    parentId: r.parent_id,
    displayParentId: r.display_parent_id,
    rootId: r.root_id,
    depth: r.depth,
    authorId: r.author_id,
    authorName: r.author_name,
    authorBadges: badges,
    authorRole: r.user_role ?? null,
    body: r.body,
    bodyHtml: r.body_html,
    status: r.status,
    statusReason: r.status_reason,
    moderation: r.moderation,
    featured: r.featured === 1,
    reactionCount: r.reaction_count,
    replyCount: r.reply_count,
    contentHash: r.content_hash,
    createdAt: r.created_at,
    editedAt: r.edited_at,
  };
}

export const sortColumns: Record<Sort, { columns: string[]; direction: 'asc' | 'desc' }> = {
  newest: { columns: ['created_at', 'id'], direction: 'desc' },
  oldest: { columns: ['created_at', 'id'], direction: 'asc' },
  reactions: { columns: ['reaction_count', 'created_at', 'id'], direction: 'desc' },
  replies: { columns: ['reply_count', 'created_at', 'id'], direction: 'desc' },
};

export function cursorOf(c: Comment, sort: Sort): Cursor {
  const map: Record<string, string | number> = {
    created_at: c.createdAt,
    id: c.id,
    reaction_count: c.reactionCount,
    reply_count: c.replyCount,
  };
  return sortColumns[sort].columns.map((col) => map[col]!);
}

/** The stored row of a new comment, for either insert path. */
export function newRow(c: NewComment) {
  return {
    id: c.id,
    site_id: c.siteId,
    story_id: c.storyId,
    parent_id: c.parentId,
    display_parent_id: c.displayParentId,
    root_id: c.rootId,
    depth: c.depth,
    author_id: c.authorId,
    author_name: c.authorName,
    body: c.body,
    body_html: c.bodyHtml,
    status: c.status,
    status_reason: c.statusReason,
    moderation: c.moderation,
    featured: 0,
    reaction_count: 0,
    reply_count: 0,
    content_hash: c.contentHash,
    idempotency_key: c.idempotencyKey,
    created_at: c.createdAt,
    edited_at: null,
  };
}

/**
 * What a reader may see: published comments; their own held or refused
 * ones (so they know what happened); and a deleted comment's placeholder
 * when replies hang from it.
 */
export function visible(viewerId: string | null): Expression<SqlBool> {
  return viewerId
    ? sql<SqlBool>`(c.status = 'published' or (c.status = 'deleted' and c.reply_count > 0) or (c.status in ('pending', 'rejected') and c.author_id = ${viewerId}))`
    : sql<SqlBool>`(c.status = 'published' or (c.status = 'deleted' and c.reply_count > 0))`;
}

export function after(sort: Sort, cursor: Cursor): Expression<SqlBool> {
  const { columns, direction } = sortColumns[sort];
  const op = direction === 'desc' ? sql.raw('<') : sql.raw('>');
  const cols = sql.join(columns.map((c) => sql.ref(`c.${c}`)));
  return sql<SqlBool>`(${cols}) ${op} (${sql.join(cursor)})`;
}
