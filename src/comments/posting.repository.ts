import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { type Comment, type NewComment, newRow, select, toComment } from './comment-rows.repository.ts';
import { postgresPosting } from './posting-pg.repository.ts';

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

export function createPostingRepository({
  db,
  sqlite,
  engine,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
  engine?: 'sqlite' | 'postgres';
}) {
  const fast = sqlite ? sqliteFastPath(db, sqlite) : engine === 'postgres' ? postgresPosting(db) : undefined;
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
        if (!id) return undefined;
        const r = await select(db).where('c.id', '=', id).executeTakeFirst();
        return r && toComment(r);
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
  };
}
