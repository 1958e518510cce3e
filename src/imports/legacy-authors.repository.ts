import type { Kysely } from 'kysely';
import type { Database, LegacyAuthorsTable } from '../storage/schema.ts';

// The authors of imported comments, as the old platform knew them, and the
// readers who have claimed them.

const COLUMNS = [
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

export function createLegacyAuthorsRepository({
  db,
  sqlite,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
}) {
  // On SQLite, prepared single-row inserts in one transaction: far cheaper than building large statements.
  const fast = sqlite
    ? (() => {
        const insert = sqlite.prepare(
          `insert into legacy_authors (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`,
        );
        return sqlite.transaction((authors: LegacyAuthorsTable[]) => {
          for (const a of authors) insert.run(a);
        });
      })()
    : undefined;

  return {
    /** One batch of an import's authors; those already there are left as they are. */
    async insertAuthors(authors: LegacyAuthorsTable[]): Promise<void> {
      if (authors.length === 0) return;
      // Holding Kysely's one connection: the batch never interleaves with another transaction.
      if (fast) return db.connection().execute(async () => fast(authors));
      await db.transaction().execute(async (tx) => {
        // Multi-row statements keep to SQLite's and PostgreSQL's parameter limits.
        for (let i = 0; i < authors.length; i += 400)
          await tx
            .insertInto('legacy_authors')
            .values(authors.slice(i, i + 400))
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
      });
    },

    /** Legacy authors of the site nobody has claimed yet, by e-mail hash or by the old platform's user ids. */
    async unclaimed(siteId: string, by: { emailHash?: string | undefined; externalIds?: string[] }): Promise<string[]> {
      const ids = by.externalIds ?? [];
      if (!by.emailHash && ids.length === 0) return [];
      const rows = await db
        .selectFrom('legacy_authors')
        .select('id')
        .where('site_id', '=', siteId)
        .where('user_id', 'is', null)
        .where((eb) =>
          eb.or([
            ...(by.emailHash ? [eb('email_hash', '=', by.emailHash)] : []),
            ...(ids.length ? [eb('external_id', 'in', ids)] : []),
          ]),
        )
        .execute();
      return rows.map((r) => r.id);
    },

    async markClaimed(ids: string[], userId: string, at: string): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('legacy_authors')
        .set({ user_id: userId, claimed_at: at })
        .where('id', 'in', ids)
        .where('user_id', 'is', null)
        .execute();
    },
  };
}
