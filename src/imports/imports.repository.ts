import { type Kysely, sql } from 'kysely';
import type { CommentsTable, Database, LegacyAuthorsTable } from '../storage/schema.ts';

// Writes of an import: one transaction per batch, every insert "on conflict do
// nothing" so that a second run, or a run resumed after a crash, changes nothing
// that is already there.

export type CommentRow = Omit<CommentsTable, 'idempotency_key'> & { idempotency_key?: null };

const COMMENT_COLUMNS = ['id', 'site_id', 'story_id', 'parent_id', 'display_parent_id', 'root_id', 'depth', 'author_id', 'author_name', 'body', 'body_html', 'status', 'status_reason', 'moderation', 'featured', 'reaction_count', 'reply_count', 'content_hash', 'created_at', 'edited_at', 'legacy_author_id', 'import_source', 'import_id', 'original_html'] as const;
const AUTHOR_COLUMNS = ['id', 'site_id', 'source', 'external_id', 'name', 'email', 'email_hash', 'user_id', 'claimed_at', 'created_at'] as const;

/** On SQLite a batch is prepared single-row inserts in one transaction: far cheaper than building large statements. */
function sqliteBatch(raw: import('better-sqlite3').Database) {
  const insertAuthor = raw.prepare(`insert into legacy_authors (${AUTHOR_COLUMNS.join(', ')}) values (${AUTHOR_COLUMNS.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`);
  const insertComment = raw.prepare(`insert into comments (${COMMENT_COLUMNS.join(', ')}) values (${COMMENT_COLUMNS.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`);
  return raw.transaction((authors: LegacyAuthorsTable[], comments: CommentRow[]) => {
    for (const a of authors) insertAuthor.run(a);
    let inserted = 0;
    for (const c of comments) inserted += insertComment.run({ legacy_author_id: null, import_source: null, import_id: null, original_html: null, ...c }).changes;
    return inserted;
  });
}

export function createImportsRepository({ db, sqlite }: { db: Kysely<Database>; sqlite?: import('better-sqlite3').Database | undefined }) {
  const fast = sqlite ? sqliteBatch(sqlite) : undefined;
  return {
    async writeBatch(authors: LegacyAuthorsTable[], comments: CommentRow[]): Promise<number> {
      // Holding Kysely's one connection: the batch never interleaves with another transaction.
      if (fast) return db.connection().execute(async () => fast(authors, comments));
      return db.transaction().execute(async (tx) => {
        // Multi-row statements keep to SQLite's and PostgreSQL's parameter limits.
        for (let i = 0; i < authors.length; i += 400) await tx.insertInto('legacy_authors').values(authors.slice(i, i + 400)).onConflict((oc) => oc.column('id').doNothing()).execute();
        let inserted = 0;
        for (let i = 0; i < comments.length; i += 300) {
          const r = await tx.insertInto('comments').values(comments.slice(i, i + 300)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
          inserted += Number(r.numInsertedOrUpdatedRows ?? 0n);
        }
        return inserted;
      });
    },

    /** Where a comment sits in its thread, for replies to it that arrive later (or in a resumed run). */
    async placement(id: string): Promise<{ depth: number; rootId: string | null; displayParentId: string | null } | undefined> {
      const r = await db.selectFrom('comments').select(['depth', 'root_id', 'display_parent_id']).where('id', '=', id).executeTakeFirst();
      return r && { depth: r.depth, rootId: r.root_id, displayParentId: r.display_parent_id };
    },

    /** Counts kept on stories and comments, recomputed for the stories an import touched. */
    async recount(storyIds: string[]): Promise<void> {
      for (let i = 0; i < storyIds.length; i += 200) {
        const ids = storyIds.slice(i, i + 200);
        await db
          .updateTable('stories')
          .set({
            comment_count: sql<number>`(select count(*) from comments c where c.story_id = stories.id and c.status = 'published')`,
            last_comment_at: sql<string>`(select max(c.created_at) from comments c where c.story_id = stories.id and c.status = 'published')`,
          })
          .where('id', 'in', ids)
          .execute();
        await db
          .updateTable('comments')
          .set({ reply_count: sql<number>`(select count(*) from comments r where r.story_id = comments.story_id and r.parent_id = comments.id and r.status = 'published')` })
          // only comments that have replies: most have none
          .where('id', 'in', (eb) => eb.selectFrom('comments as p').select('p.parent_id').where('p.story_id', 'in', ids).where('p.parent_id', 'is not', null))
          .execute();
      }
    },
  };
}
