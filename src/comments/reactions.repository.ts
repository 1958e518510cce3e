import type { Kysely } from 'kysely';
import type { Database, ReportReason } from '../storage/schema.ts';

// Readers' reactions to comments and their reports to the moderators.

export function createReactionsRepository({ db }: { db: Kysely<Database> }) {
  return {
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
  };
}
