import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../storage/schema.ts';
import { type Comment, select, toComment } from './comment-rows.repository.ts';

// Changes to comments once written: the author's edits and deletions, moderators'
// statuses and features, and a departing reader's comments.

export function createChangesRepository({ db }: { db: Kysely<Database> }) {
  /** Moves a comment to another status, keeping the story's and parent's counts right. */
  async function setStatus(
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
  }

  return {
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

    setStatus,

    async setFeatured(id: string, featured: boolean): Promise<void> {
      await db
        .updateTable('comments')
        .set({ featured: featured ? 1 : 0 })
        .where('id', '=', id)
        .execute();
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
      for (const r of mine) await setStatus(toComment(r), 'deleted', 'deleted with the account', { bodyHtml: '' });
      await db
        .updateTable('comments')
        .set({ author_id: null, author_name: 'Former reader', body: '' })
        .where('author_id', '=', authorId)
        .execute();
    },
  };
}
