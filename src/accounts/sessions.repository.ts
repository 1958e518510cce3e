import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

export interface Session {
  idHash: string;
  publicId: string;
  siteId: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  ip: string;
}

export function createSessionsRepository({ db }: { db: Kysely<Database> }) {
  const map = (r: {
    id_hash: string;
    public_id: string;
    site_id: string;
    user_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    user_agent: string;
    ip: string;
  }): Session => ({
    idHash: r.id_hash,
    publicId: r.public_id,
    siteId: r.site_id,
    userId: r.user_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ip: r.ip,
  });
  return {
    async insert(s: Session): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          public_id: s.publicId,
          site_id: s.siteId,
          user_id: s.userId,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          user_agent: s.userAgent,
          ip: s.ip,
        })
        .execute();
    },
    async get(idHash: string): Promise<Session | undefined> {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return r && map(r);
    },
    async getByPublicId(publicId: string): Promise<Session | undefined> {
      const r = await db.selectFrom('sessions').selectAll().where('public_id', '=', publicId).executeTakeFirst();
      return r && map(r);
    },
    async touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async listForUser(userId: string): Promise<Session[]> {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('last_seen_at', 'desc')
        .execute();
      return rows.map(map);
    },
    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForUser(userId: string, exceptIdHash?: string): Promise<number> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpired(now: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
