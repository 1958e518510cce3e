import { type Kysely, sql } from 'kysely';
import type { CommentsTable, Database, LegacyAuthorsTable } from '../storage/schema.ts';

// Writes of an import: one transaction per batch, every insert "on conflict do
// nothing" so that a second run, or a run resumed after a crash, changes nothing
// that is already there.

export type CommentRow = Omit<CommentsTable, 'idempotency_key'> & { idempotency_key?: null };

const COMMENT_COLUMNS = [
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
const AUTHOR_COLUMNS = [
  'id',
  'site_id',
  'source',
  'external_id',
  'name',
  'email',
  'email_hash',
  'user_id',
  'claimed_at',
  'created_at',
] as const;

/** On SQLite a batch is prepared single-row inserts in one transaction: far cheaper than building large statements. */
function sqliteBatch(raw: import('better-sqlite3').Database) {
  const insertAuthor = raw.prepare(
    `insert into legacy_authors (${AUTHOR_COLUMNS.join(', ')}) values (${AUTHOR_COLUMNS.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`,
  );
  const insertComment = raw.prepare(
    `insert into comments (${COMMENT_COLUMNS.join(', ')}) values (${COMMENT_COLUMNS.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`,
  );
  return raw.transaction((authors: LegacyAuthorsTable[], comments: CommentRow[]) => {
    for (const a of authors) insertAuthor.run(a);
    let inserted = 0;
    for (const c of comments)
      inserted += insertComment.run({
        legacy_author_id: null,
        import_source: null,
        import_id: null,
        original_html: null,
        ...c,
      }).changes;
    return inserted;
  });
}

export function createImportsRepository({
  db,
  sqlite,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
}) {
  const fast = sqlite ? sqliteBatch(sqlite) : undefined;
  return {
    async writeBatch(authors: LegacyAuthorsTable[], comments: CommentRow[]): Promise<number> {
      // Holding Kysely's one connection: the batch never interleaves with another transaction.
      if (fast) return db.connection().execute(async () => fast(authors, comments));
      return db.transaction().execute(async (tx) => {
        // Multi-row statements keep to SQLite's and PostgreSQL's parameter limits.
        for (let i = 0; i < authors.length; i += 400)
          await tx
            .insertInto('legacy_authors')
            .values(authors.slice(i, i + 400))
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        let inserted = 0;
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
  };
}
