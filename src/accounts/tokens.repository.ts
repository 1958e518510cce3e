import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../storage/engine.ts';
import type { Database } from '../storage/schema.ts';

export interface AccountToken {
  idHash: string;
  siteId: string;
  userId: string | null;
  purpose: string;
  payload: Record<string, unknown>;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function createTokensRepository({ db, engine }: { db: Kysely<Database>; engine: Engine }) {
  return {
    async insert(t: Omit<AccountToken, 'usedAt'>): Promise<void> {
      await db
        .insertInto('account_tokens')
        .values({
          id_hash: t.idHash,
          site_id: t.siteId,
          user_id: t.userId,
          purpose: t.purpose,
          payload: JSON.stringify(t.payload),
          created_at: t.createdAt,
          expires_at: t.expiresAt,
        })
        .execute();
    },

    /**
     * Marks the token used and returns it, only if it was unused, unexpired and
     * for this purpose. The update is the check, so two clicks cannot both win.
     */
    async consume(idHash: string, purpose: string, now: string): Promise<AccountToken | undefined> {
      const updated = await db
        .updateTable('account_tokens')
        .set({ used_at: now })
        .where('id_hash', '=', idHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return undefined;
      return this.peek(idHash);
    },

    /** Reads a token without using it (to show a confirmation page). */
    async peek(idHash: string): Promise<AccountToken | undefined> {
      const r = await db.selectFrom('account_tokens').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      if (!r) return undefined;
      return {
        idHash: r.id_hash,
        siteId: r.site_id,
        userId: r.user_id,
        purpose: r.purpose,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
      };
    },

    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('account_tokens').where('expires_at', '<', now).execute();
    },

    async throttleGet(
      siteId: string,
      key: string,
    ): Promise<{ failures: number; lockedUntil: string | null } | undefined> {
      const r = await db
        .selectFrom('login_throttle')
        .select(['failures', 'locked_until'])
        .where('site_id', '=', siteId)
        .where('key', '=', key)
        .executeTakeFirst();
      return r && { failures: r.failures, lockedUntil: r.locked_until };
    },

    async throttleSet(
      siteId: string,
      key: string,
      failures: number,
      lockedUntil: string | null,
      now: string,
    ): Promise<void> {
      await db
        .insertInto('login_throttle')
        .values({ site_id: siteId, key, failures, locked_until: lockedUntil, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['site_id', 'key']).doUpdateSet({ failures, locked_until: lockedUntil, updated_at: now }),
        )
        .execute();
    },

    /**
     * Counts a login attempt before its password is checked, in one atomic statement, so that
     * a burst across instances counts every attempt: unless the key is locked, its failures grow
     * by one and its lock becomes `locks[failures - 1]` (the last one past the list's end).
     * Undefined when the key is locked: the attempt is refused unchecked.
     */
    async throttleAttempt(
      siteId: string,
      key: string,
      now: string,
      locks: (string | null)[],
    ): Promise<{ failures: number; lockedUntil: string | null } | undefined> {
      const at = (v: string | null) =>
        v === null ? sql`null` : engine === 'postgres' ? sql`cast(${v} as timestamptz)` : sql`${v}`;
      const lock = sql`case ${sql.join(
        locks.slice(0, -1).map((v, i) => sql`when login_throttle.failures + 1 = ${i + 1} then ${at(v)}`),
        sql` `,
      )} else ${at(locks.at(-1) ?? null)} end`;
      const r = await db
        .insertInto('login_throttle')
        .values({ site_id: siteId, key, failures: 1, locked_until: locks[0] ?? null, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['site_id', 'key'])
            .doUpdateSet({
              failures: sql<number>`login_throttle.failures + 1`,
              locked_until: sql<string | null>`${lock}`,
              updated_at: now,
            })
            .where((eb) =>
              eb.or([eb('login_throttle.locked_until', 'is', null), eb('login_throttle.locked_until', '<=', now)]),
            ),
        )
        .returning(['failures', 'locked_until'])
        .executeTakeFirst();
      return r && { failures: Number(r.failures), lockedUntil: r.locked_until };
    },

    /** Takes back an attempt that turned out right: one failure fewer, and the lock it set gone. */
    async throttleRelease(siteId: string, key: string, lockedUntil: string | null): Promise<void> {
      await db
        .updateTable('login_throttle')
        .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
        .where('site_id', '=', siteId)
        .where('key', '=', key)
        .execute();
      if (lockedUntil)
        await db
          .updateTable('login_throttle')
          .set({ locked_until: null })
          .where('site_id', '=', siteId)
          .where('key', '=', key)
          .where('locked_until', '=', lockedUntil)
          .execute();
    },

    async throttleClear(siteId: string, key: string): Promise<void> {
      await db.deleteFrom('login_throttle').where('site_id', '=', siteId).where('key', '=', key).execute();
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
