import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';
import {
  after,
  type Comment,
  type Cursor,
  type Sort,
  select,
  sortColumns,
  toComment,
  visible,
} from './comment-rows.repository.ts';

// Reading comments: one by one, a story's pages of threads, "more replies",
// and a reader's own list.

export function createThreadsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async get(id: string): Promise<Comment | undefined> {
      const r = await select(db).where('c.id', '=', id).executeTakeFirst();
      return r && toComment(r);
    },

    async getMany(ids: string[]): Promise<Comment[]> {
      if (ids.length === 0) return [];
      return (await select(db).where('c.id', 'in', ids).execute()).map(toComment);
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

    async revisions(id: string): Promise<{ body: string; replacedAt: string }[]> {
      const rows = await db
        .selectFrom('comment_revisions')
        .select(['body', 'replaced_at'])
        .where('comment_id', '=', id)
        .orderBy('replaced_at')
        .execute();
      return rows.map((r) => ({ body: r.body, replacedAt: r.replaced_at }));
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
  };
}
