import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

export interface OutboxMail {
  id: string;
  siteId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string> | null;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export function createOutboxRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(m: OutboxMail): Promise<void> {
      await db
        .insertInto('outbox')
        .values({
          id: m.id,
          site_id: m.siteId,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html ?? null,
          headers: m.headers ? JSON.stringify(m.headers) : null,
          created_at: m.createdAt,
          sent_at: m.sentAt,
          error: m.error,
        })
        .execute();
    },
    async markSent(id: string, at: string): Promise<void> {
      await db.updateTable('outbox').set({ sent_at: at, error: null }).where('id', '=', id).execute();
    },
    async markFailed(id: string, error: string): Promise<void> {
      await db.updateTable('outbox').set({ error }).where('id', '=', id).execute();
    },
    async list(siteId: string, limit: number, to?: string): Promise<OutboxMail[]> {
      let q = db.selectFrom('outbox').selectAll().where('site_id', '=', siteId);
      if (to) q = q.where('to_address', '=', to);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        html: r.html_body,
        headers: r.headers ? (JSON.parse(r.headers) as Record<string, string>) : null,
        createdAt: r.created_at,
        sentAt: r.sent_at,
        error: r.error,
      }));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
