import { type Kysely, sql } from 'kysely';
import type { CommentsTable, Database, LegacyAuthorsTable } from '../storage/schema.ts';

// Writes of an import: one transaction per batch, every insert "on conflict do
// nothing" so that a second run, or a run resumed after a crash, changes nothing
// that is already there.

export type CommentRow = Omit<CommentsTable, 'idempotency_key'> & { idempotency_key?: null };

export function createImportsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async writeBatch(authors: LegacyAuthorsTable[], comments: CommentRow[]): Promise<number> {
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
          .where('story_id', 'in', ids)
          .execute();
      }
    },
  };
}
