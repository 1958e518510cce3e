import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../storage/schema.ts';

// What the moderators' workspace changes on a comment: its status after a
// decision (with the story's and the parent's counts kept right) and the
// author's one appeal. Decisions are conditional on the version the moderator
// saw: two moderators never decide the same comment blindly.

export interface CommentDecision {
  id: string;
  /** the version of the comment the moderator saw */
  version: number;
  status: CommentStatus;
  statusReason: string | null;
  /** unchanged when absent */
  featured?: boolean;
  refusalCode: string | null;
  by: string;
  at: string;
}

export function createCommentDecisionsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Changes a comment's status and moderation fields if it is still at
     * `version`; keeps the story's and the parent's counts right. Returns false
     * when someone else decided first.
     */
    async decide(d: CommentDecision): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const c = await tx
          .selectFrom('comments')
          .select(['status', 'story_id', 'parent_id', 'version'])
          .where('id', '=', d.id)
          .executeTakeFirst();
        if (!c || Number(c.version ?? 0) !== d.version) return false;
        const r = await tx
          .updateTable('comments')
          .set({
            status: d.status,
            status_reason: d.statusReason,
            refusal_code: d.refusalCode,
            moderated_by: d.by,
            moderated_at: d.at,
            version: d.version + 1,
            ...(d.featured === undefined ? {} : { featured: d.featured ? 1 : 0 }),
          })
          .where('id', '=', d.id)
          .where('version', '=', d.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        const delta = (d.status === 'published' ? 1 : 0) - (c.status === 'published' ? 1 : 0);
        if (delta !== 0) {
          await tx
            .updateTable('stories')
            .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
            .where('id', '=', c.story_id)
            .execute();
          if (c.parent_id)
            await tx
              .updateTable('comments')
              .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
              .where('id', '=', c.parent_id)
              .execute();
        }
        return true;
      });
    },

    /** The author's appeal of a refused comment: once. False when it is not refused or was appealed already. */
    async appeal(id: string, text: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('comments')
        .set({ appeal: text, appealed_at: at })
        .where('id', '=', id)
        .where('status', '=', 'rejected')
        .where('appealed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type CommentDecisionsRepository = ReturnType<typeof createCommentDecisionsRepository>;
