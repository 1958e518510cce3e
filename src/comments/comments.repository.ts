import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { CommentStatus, Database, ReportReason } from '../storage/schema.ts';

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

function select(db: Kysely<Database>) {
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

function toComment(r: Row): Comment {
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

const sortColumns: Record<Sort, { columns: string[]; direction: 'asc' | 'desc' }> = {
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
function newRow(c: NewComment) {
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
 * Posting is the hot write. On SQLite it runs as prepared statements in one
 * synchronous transaction, while holding Kysely's single connection (so that
 * it can never interleave with a Kysely transaction in progress).
 */
function sqliteFastPath(db: Kysely<Database>, raw: import('better-sqlite3').Database) {
  const insert = raw.prepare(
    `insert into comments (id, site_id, story_id, parent_id, display_parent_id, root_id, depth, author_id, author_name, body, body_html, status, status_reason, moderation, featured, reaction_count, reply_count, content_hash, idempotency_key, created_at, edited_at)
     values (@id, @site_id, @story_id, @parent_id, @display_parent_id, @root_id, @depth, @author_id, @author_name, @body, @body_html, @status, @status_reason, @moderation, @featured, @reaction_count, @reply_count, @content_hash, @idempotency_key, @created_at, @edited_at)`,
  );
  const countStory = raw.prepare(
    'update stories set comment_count = comment_count + 1, last_comment_at = ? where id = ?',
  );
  const countParent = raw.prepare('update comments set reply_count = reply_count + 1 where id = ?');
  const duplicate = raw.prepare(
    `select id from comments where author_id = ? and story_id = ? and content_hash = ? and created_at >= ? and status != 'deleted' and coalesce(parent_id, '') = ? order by created_at limit 1`,
  );
  const write = raw.transaction((c: NewComment) => {
    insert.run(newRow(c));
    if (c.status === 'published') {
      countStory.run(c.createdAt, c.storyId);
      if (c.parentId) countParent.run(c.parentId);
    }
  });
  // Group commit: posts that arrive together are written in one transaction,
  // because on SQLite the cost of a commit is the pages it writes, and posts
  // in one batch share them. Each post is acknowledged only once its batch has
  // committed. A batch that fails is retried one post at a time, so one bad
  // post cannot sink the others.
  const writeMany = raw.transaction((batch: NewComment[]) => {
    for (const c of batch) write(c);
  });
  const queue: { c: NewComment; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.splice(0, 500);
    if (queue.length) schedule();
    await db.connection().execute(async () => {
      try {
        writeMany(batch.map((b) => b.c));
        for (const b of batch) b.resolve();
      } catch {
        for (const b of batch) {
          try {
            write(b.c);
            b.resolve();
          } catch (err) {
            b.reject(err);
          }
        }
      }
    });
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(
      () =>
        void flush().catch((err) => {
          for (const b of queue.splice(0)) b.reject(err);
        }),
    );
  }

  return {
    insert: (c: NewComment) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ c, resolve, reject });
        schedule();
      }),
    duplicateId: (q: {
      authorId: string;
      storyId: string;
      parentId: string | null;
      contentHash: string;
      since: string;
    }) =>
      db
        .connection()
        .execute(
          async () =>
            (
              duplicate.get(q.authorId, q.storyId, q.contentHash, q.since, q.parentId ?? '') as
                | { id: string }
                | undefined
            )?.id,
        ),
  };
}

export function createCommentsRepository({
  db,
  sqlite,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
}) {
  const fast = sqlite ? sqliteFastPath(db, sqlite) : undefined;
  /**
   * What a reader may see: published comments; their own held or refused
   * ones (so they know what happened); and a deleted comment's placeholder
   * when replies hang from it.
   */
  function visible(viewerId: string | null): Expression<SqlBool> {
    return viewerId
      ? sql<SqlBool>`(c.status = 'published' or (c.status = 'deleted' and c.reply_count > 0) or (c.status in ('pending', 'rejected') and c.author_id = ${viewerId}))`
      : sql<SqlBool>`(c.status = 'published' or (c.status = 'deleted' and c.reply_count > 0))`;
  }

  function after(sort: Sort, cursor: Cursor): Expression<SqlBool> {
    const { columns, direction } = sortColumns[sort];
    const op = direction === 'desc' ? sql.raw('<') : sql.raw('>');
    const cols = sql.join(columns.map((c) => sql.ref(`c.${c}`)));
    return sql<SqlBool>`(${cols}) ${op} (${sql.join(cursor)})`;
  }

  return {
    /** Inserts a comment and, when it is published, the counts that depend on it, atomically. */
    async insert(c: NewComment): Promise<void> {
      if (fast) return fast.insert(c);
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('comments').values(newRow(c)).execute();
        if (c.status === 'published') {
          await tx
            .updateTable('stories')
            .set((eb) => ({ comment_count: eb('comment_count', '+', 1), last_comment_at: c.createdAt }))
            .where('id', '=', c.storyId)
            .execute();
          if (c.parentId)
            await tx
              .updateTable('comments')
              .set((eb) => ({ reply_count: eb('reply_count', '+', 1) }))
              .where('id', '=', c.parentId)
              .execute();
        }
      });
    },

    async get(id: string): Promise<Comment | undefined> {
      const r = await select(db).where('c.id', '=', id).executeTakeFirst();
      return r && toComment(r);
    },

    async getMany(ids: string[]): Promise<Comment[]> {
      if (ids.length === 0) return [];
      return (await select(db).where('c.id', 'in', ids).execute()).map(toComment);
    },

    /** The same author posting the same text under the same parent recently: a resubmission. */
    async findRecentDuplicate(q: {
      authorId: string;
      storyId: string;
      parentId: string | null;
      contentHash: string;
      since: string;
    }): Promise<Comment | undefined> {
      if (fast) {
        // Almost every post has no duplicate: ask cheaply, load fully only when there is one.
        const id = await fast.duplicateId(q);
        return id ? this.get(id) : undefined;
      }
      let query = select(db)
        .where('c.author_id', '=', q.authorId)
        .where('c.story_id', '=', q.storyId)
        .where('c.content_hash', '=', q.contentHash)
        .where('c.created_at', '>=', q.since)
        .where('c.status', '!=', 'deleted');
      query = q.parentId ? query.where('c.parent_id', '=', q.parentId) : query.where('c.parent_id', 'is', null);
      const r = await query.orderBy('c.created_at').limit(1).executeTakeFirst();
      return r && toComment(r);
    },

    async findByIdempotencyKey(authorId: string, key: string): Promise<Comment | undefined> {
      const r = await select(db)
        .where('c.author_id', '=', authorId)
        .where(sql.ref('c.idempotency_key'), '=', key)
        .executeTakeFirst();
      return r && toComment(r);
    },

    /** A page of top-level comments (or featured ones) in the chosen order. */
    async listTop(q: {
      storyId: string;
      sort: Sort;
      cursor?: Cursor;
      limit: number;
      viewerId: string | null;
      featuredOnly?: boolean;
    }): Promise<Comment[]> {
      const { columns, direction } = sortColumns[q.sort];
      let query = select(db)
        .where('c.story_id', '=', q.storyId)
        .where('c.parent_id', 'is', null)
        .where(visible(q.viewerId));
      if (q.featuredOnly) query = query.where('c.featured', '=', 1).where('c.status', '=', 'published');
      if (q.cursor) query = query.where(after(q.sort, q.cursor));
      for (const col of columns) query = query.orderBy(sql.ref(`c.${col}`), direction);
      return (await query.limit(q.limit).execute()).map(toComment);
    },

    /** Every visible reply in these threads, oldest first (bounded). */
    async listThreads(rootIds: string[], viewerId: string | null, limit: number): Promise<Comment[]> {
      if (rootIds.length === 0) return [];
      const rows = await select(db)
        .where('c.root_id', 'in', rootIds)
        .where(visible(viewerId))
        .orderBy('c.created_at')
        .orderBy('c.id')
        .limit(limit)
        .execute();
      return rows.map(toComment);
    },

    /** Replies shown under one comment, oldest first, after a cursor ("show more replies"). */
    async listReplies(q: {
      displayParentId: string;
      cursor?: Cursor;
      limit: number;
      viewerId: string | null;
    }): Promise<Comment[]> {
      let query = select(db).where('c.display_parent_id', '=', q.displayParentId).where(visible(q.viewerId));
      if (q.cursor) query = query.where(after('oldest', q.cursor));
      return (await query.orderBy('c.created_at').orderBy('c.id').limit(q.limit).execute()).map(toComment);
    },

    async countReplies(displayParentIds: string[], viewerId: string | null): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (displayParentIds.length === 0) return out;
      const rows = await db
        .selectFrom('comments as c')
        .select(['c.display_parent_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('c.display_parent_id', 'in', displayParentIds)
        .where(visible(viewerId))
        .groupBy('c.display_parent_id')
        .execute();
      for (const r of rows) if (r.display_parent_id) out.set(r.display_parent_id, Number(r.n));
      return out;
    },

    async updateBody(
      id: string,
      previous: string,
      next: { body: string; bodyHtml: string; contentHash: string; editedAt: string; revisionId: string },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('comment_revisions')
          .values({ id: next.revisionId, comment_id: id, body: previous, replaced_at: next.editedAt })
          .execute();
        await tx
          .updateTable('comments')
          .set({ body: next.body, body_html: next.bodyHtml, content_hash: next.contentHash, edited_at: next.editedAt })
          .where('id', '=', id)
          .execute();
      });
    },

    async revisions(id: string): Promise<{ body: string; replacedAt: string }[]> {
      const rows = await db
        .selectFrom('comment_revisions')
        .select(['body', 'replaced_at'])
        .where('comment_id', '=', id)
        .orderBy('replaced_at')
        .execute();
      return rows.map((r) => ({ body: r.body, replacedAt: r.replaced_at }));
    },

    /** Moves a comment to another status, keeping the story's and parent's counts right. */
    async setStatus(
      c: Comment,
      status: CommentStatus,
      reason: string | null,
      extra: { bodyHtml?: string } = {},
    ): Promise<void> {
      const delta = (status === 'published' ? 1 : 0) - (c.status === 'published' ? 1 : 0);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('comments')
          .set({
            status,
            status_reason: reason,
            ...(extra.bodyHtml !== undefined ? { body_html: extra.bodyHtml } : {}),
          })
          .where('id', '=', c.id)
          .execute();
        if (delta !== 0) {
          await tx
            .updateTable('stories')
            .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
            .where('id', '=', c.storyId)
            .execute();
          if (c.parentId)
            await tx
              .updateTable('comments')
              .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
              .where('id', '=', c.parentId)
              .execute();
        }
      });
    },

    async setFeatured(id: string, featured: boolean): Promise<void> {
      await db
        .updateTable('comments')
        .set({ featured: featured ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },

    /** Adds or removes one reader's reaction; returns whether anything changed. */
    async react(commentId: string, userId: string, on: boolean, at: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        let changed: boolean;
        if (on) {
          const r = await tx
            .insertInto('reactions')
            .values({ comment_id: commentId, user_id: userId, created_at: at })
            .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
            .executeTakeFirst();
          changed = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
        } else {
          const r = await tx
            .deleteFrom('reactions')
            .where('comment_id', '=', commentId)
            .where('user_id', '=', userId)
            .executeTakeFirst();
          changed = Number(r.numDeletedRows) === 1;
        }
        if (changed)
          await tx
            .updateTable('comments')
            .set((eb) => ({ reaction_count: eb('reaction_count', '+', on ? 1 : -1) }))
            .where('id', '=', commentId)
            .execute();
        return changed;
      });
    },

    async reactedBy(userId: string, commentIds: string[]): Promise<Set<string>> {
      if (commentIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('reactions')
        .select('comment_id')
        .where('user_id', '=', userId)
        .where('comment_id', 'in', commentIds)
        .execute();
      return new Set(rows.map((r) => r.comment_id));
    },

    /** One report per reader per comment; false when this reader had reported it already. */
    async report(r: {
      commentId: string;
      userId: string;
      reason: ReportReason;
      note: string | null;
      at: string;
    }): Promise<boolean> {
      const res = await db
        .insertInto('reports')
        .values({ comment_id: r.commentId, user_id: r.userId, reason: r.reason, note: r.note, created_at: r.at })
        .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async reportCount(commentId: string): Promise<number> {
      const r = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('comment_id', '=', commentId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** A reader's own comments, every status, newest first, with where they were posted. */
    async listByAuthor(
      authorId: string,
      cursor: Cursor | undefined,
      limit: number,
    ): Promise<
      (Comment & { storyTitle: string; storyUrl: string; importedFrom: string | null; appealedAt: string | null })[]
    > {
      let query = select(db)
        .innerJoin('stories as s', 's.id', 'c.story_id')
        .select(['s.title as story_title', 's.url as story_url', 'c.import_source', 'c.appealed_at'])
        .where('c.author_id', '=', authorId)
        .where('c.status', '!=', 'deleted');
      if (cursor) query = query.where(after('newest', cursor));
      const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        ...toComment(r),
        storyTitle: r.story_title,
        storyUrl: r.story_url,
        importedFrom: r.import_source ?? null,
        appealedAt: r.appealed_at ?? null,
      }));
    },

    /** Anonymise (keep the words, drop the name) or delete everything a departing reader wrote. */
    async forgetAuthor(authorId: string, mode: 'delete' | 'anonymise'): Promise<void> {
      if (mode === 'anonymise') {
        await db
          .updateTable('comments')
          .set({ author_id: null, author_name: 'Former reader' })
          .where('author_id', '=', authorId)
          .execute();
        return;
      }
      const mine = await select(db).where('c.author_id', '=', authorId).where('c.status', '!=', 'deleted').execute();
      for (const r of mine) await this.setStatus(toComment(r), 'deleted', 'deleted with the account', { bodyHtml: '' });
      await db
        .updateTable('comments')
        .set({ author_id: null, author_name: 'Former reader', body: '' })
        .where('author_id', '=', authorId)
        .execute();
    },
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
