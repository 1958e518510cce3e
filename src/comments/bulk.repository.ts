import { type Kysely, sql } from 'kysely';
import type { CommentsTable, Database } from '../storage/schema.ts';

// Comments written in bulk by an import (one transaction per batch, every
// insert "on conflict do nothing", so that a second run, or a run resumed after
// a crash, changes nothing that is already there), the counts recomputed after
// it, and imported comments given to the reader who claims them.

export type ImportedCommentRow = Omit<CommentsTable, 'idempotency_key'> & { idempotency_key?: null };

const COLUMNS = [
  'id',
  'site_id',
  'story_id',
  'parent_id',
  'display_parent_id',
  'root_id',
  'depth',
  'author_id',
  'author_name',
  'body',
  'body_html',
  'status',
  'status_reason',
  'moderation',
  'featured',
  'reaction_count',
  'reply_count',
  'content_hash',
  'created_at',
  'edited_at',
  'legacy_author_id',
  'import_source',
  'import_id',
  'original_html',
] as const;

/**
 * On SQLite a batch is prepared multi-row inserts (100 rows a statement, values
 * bound by position) in one transaction: one statement per hundred rows instead
 * of one per row, and no named-parameter lookups.
 */
function sqliteBatch(raw: import('better-sqlite3').Database) {
  const ROWS = 100;
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  const statement = (n: number) =>
    raw.prepare(
      `insert into comments (${COLUMNS.join(', ')}) values ${Array.from({ length: n }, () => tuple).join(', ')} on conflict (id) do nothing`,
    );
  const many = statement(ROWS);
  const one = statement(1);
  const values = (c: ImportedCommentRow, into: unknown[]) => {
    for (const k of COLUMNS) into.push(c[k] ?? null);
  };
  return raw.transaction((comments: ImportedCommentRow[]) => {
    let inserted = 0;
    let i = 0;
    for (; i + ROWS <= comments.length; i += ROWS) {
      const args: unknown[] = [];
      for (let k = i; k < i + ROWS; k++) values(comments[k]!, args);
      inserted += many.run(args).changes;
    }
    for (; i < comments.length; i++) {
      const args: unknown[] = [];
      values(comments[i]!, args);
      inserted += one.run(args).changes;
    }
    return inserted;
  });
}

/**
 * On PostgreSQL a batch is one statement: the rows travel as one JSON parameter
 * and are unpacked by the server, so there is one round trip per batch and no
 * parameter limit to split around.
 */
async function postgresBatch(db: Kysely<Database>, comments: ImportedCommentRow[]): Promise<number> {
  const cols = sql.raw(COLUMNS.join(', '));
  const rows = JSON.stringify(comments.map((c) => Object.fromEntries(COLUMNS.map((k) => [k, c[k] ?? null]))));
  const r = await sql<{ n: number }>`
    with ins as (
      insert into comments (${cols})
      select ${cols} from json_populate_recordset(null::comments, ${rows}::json)
      on conflict (id) do nothing returning 1
    ) select count(*)::int as n from ins`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export function createBulkRepository({
  db,
  sqlite,
  engine,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
  engine?: 'sqlite' | 'postgres';
}) {
  const fast = sqlite ? sqliteBatch(sqlite) : undefined;
  return {
    /** One batch of imported comments; returns how many were new. */
    async insertImported(comments: ImportedCommentRow[]): Promise<number> {
      if (comments.length === 0) return 0;
      // Holding Kysely's one connection: the batch never interleaves with another transaction.
      if (fast) return db.connection().execute(async () => fast(comments));
      if (engine === 'postgres') return postgresBatch(db, comments);
      return db.transaction().execute(async (tx) => {
        let inserted = 0;
        // Multi-row statements keep to SQLite's parameter limit.
        for (let i = 0; i < comments.length; i += 300) {
          const r = await tx
            .insertInto('comments')
            .values(comments.slice(i, i + 300))
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst();
          inserted += Number(r.numInsertedOrUpdatedRows ?? 0n);
        }
        return inserted;
      });
    },

    /** Where a comment sits in its thread, for replies to it that arrive later (or in a resumed run). */
    async placement(
      id: string,
    ): Promise<{ depth: number; rootId: string | null; displayParentId: string | null } | undefined> {
      const r = await db
        .selectFrom('comments')
        .select(['depth', 'root_id', 'display_parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r && { depth: r.depth, rootId: r.root_id, displayParentId: r.display_parent_id };
    },

    /**
     * Counts kept on stories and comments, recomputed for the stories an import
     * touched: one grouped pass per chunk of stories (a correlated count per row
     * is quadratic on PostgreSQL before it has statistics for the new rows).
     */
    async recount(storyIds: string[]): Promise<void> {
      for (let i = 0; i < storyIds.length; i += 500) {
        const ids = storyIds.slice(i, i + 500);
        const list = sql.join(ids.map((id) => sql`${id}`));
        await sql`update stories set comment_count = x.n, last_comment_at = x.latest
          from (select story_id, count(*) as n, max(created_at) as latest from comments where story_id in (${list}) and status = 'published' group by story_id) as x
          where stories.id = x.story_id`.execute(db);
        await sql`update comments set reply_count = x.n
          from (select parent_id, count(*) as n from comments where story_id in (${list}) and status = 'published' and parent_id is not null group by parent_id) as x
          where comments.id = x.parent_id`.execute(db);
      }
    },

    /**
     * A re-import with a URL map: one source's comments leave the story of the
     * thread's old address for the new one; the old story's counts follow.
     * Returns how many moved (none on a second run).
     */
    async moveImported(fromStoryId: string, toStoryId: string, source: string): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('comments')
          .set({ story_id: toStoryId })
          .where('story_id', '=', fromStoryId)
          .where('import_source', '=', source)
          .executeTakeFirst();
        await sql`update stories set
          comment_count = (select count(*) from comments where story_id = ${fromStoryId} and status = 'published'),
          last_comment_at = (select max(created_at) from comments where story_id = ${fromStoryId} and status = 'published')
          where id = ${fromStoryId}`.execute(tx);
        return Number(r.numUpdatedRows);
      });
    },

    /** How many of one source's comments a story holds (what a dry run would move). */
    async countImported(storyId: string, source: string): Promise<number> {
      const r = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('story_id', '=', storyId)
        .where('import_source', '=', source)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** The comments these legacy authors wrote, not yet anybody's, become the reader's. */
    async giveLegacyComments(legacyAuthorIds: string[], userId: string): Promise<void> {
      if (legacyAuthorIds.length === 0) return;
      await db
        .updateTable('comments')
        .set({ author_id: userId })
        .where('legacy_author_id', 'in', legacyAuthorIds)
        .where('author_id', 'is', null)
        .execute();
    },
  };
}
