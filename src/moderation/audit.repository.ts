import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../storage/schema.ts';

// The audit log: every moderator's action with the state before and after,
// so that it can be read and undone.

export function createAuditRepository({ db }: { db: Kysely<Database> }) {
  return {
    async audit(e: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(e).execute();
    },

    async auditEntry(siteId: string, id: string): Promise<AuditLogTable | undefined> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async markUndone(id: string, by: string): Promise<void> {
      await db.updateTable('audit_log').set({ undone_by: by }).where('id', '=', id).execute();
    },

    async auditLog(siteId: string, q: { targetId?: string; before?: string; limit: number }): Promise<AuditLogTable[]> {
      let query = db.selectFrom('audit_log').selectAll().where('site_id', '=', siteId);
      if (q.targetId) query = query.where('target_id', '=', q.targetId);
      if (q.before) query = query.where('created_at', '<', q.before);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    },
  };
}
