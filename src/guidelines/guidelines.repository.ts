import { type Kysely, sql } from 'kysely';
import type { CommentStatus, Database } from '../storage/schema.ts';
import type { Policy } from './policy.ts';

export interface StoredPolicy {
  version: number;
  policy: Policy;
  createdBy: string | null;
  createdAt: string;
}

export interface AuthorSignals {
  lastTenMinutes: number;
  repeats: boolean;
  /** another account posted the same text on the site since `othersSince` */
  othersRepeat: boolean;
  published: number;
}

export interface PastComment {
  id: string;
  storyId: string;
  bodyHtml: string;
  status: CommentStatus;
  moderation: string;
  createdAt: string;
}

export interface SignalsQuery {
  siteId: string;
  authorId: string;
  contentHash: string;
  /** the comment being edited: not a repeat of itself, and an edit is no flood */
  excludeId: string | null;
  floodSince: string;
  floodCap: number;
  repeatSince: string;
  othersSince: string;
  publishedCap: number;
}

/** Every post asks these three questions: on SQLite, prepared statements on Kysely's one connection. */
function sqliteSignals(raw: import('better-sqlite3').Database) {
  const flood = raw
    .prepare('select count(*) as n from (select 1 from comments where author_id = ? and created_at >= ? limit ?)')
    .pluck();
  const repeats = raw
    .prepare('select id from comments where author_id = ? and content_hash = ? and created_at >= ? limit 2')
    .pluck();
  const published = raw
    .prepare(
      "select count(*) as n from (select 1 from comments where author_id = ? and site_id = ? and status = 'published' limit ?)",
    )
    .pluck();
  const others = raw
    .prepare(
      'select 1 from comments where content_hash = ? and site_id = ? and author_id != ? and created_at >= ? limit 1',
    )
    .pluck();
  return (q: SignalsQuery): AuthorSignals => ({
    othersRepeat: others.get(q.contentHash, q.siteId, q.authorId, q.othersSince) !== undefined,
    lastTenMinutes: q.excludeId !== null ? 0 : (flood.get(q.authorId, q.floodSince, q.floodCap) as number),
    repeats: (repeats.all(q.authorId, q.contentHash, q.repeatSince) as string[]).some((id) => id !== q.excludeId),
    published: q.publishedCap > 0 ? (published.get(q.authorId, q.siteId, q.publishedCap) as number) : 0,
  });
}

export function createGuidelinesRepository({
  db,
  sqlite,
}: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
}) {
  const fast = sqlite ? sqliteSignals(sqlite) : undefined;
  return {
    async currentPolicy(siteId: string): Promise<StoredPolicy | undefined> {
      const row = await db
        .selectFrom('moderation_policies')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return (
        row && {
          version: row.version,
          policy: JSON.parse(row.policy) as Policy,
          createdBy: row.created_by,
          createdAt: row.created_at,
        }
      );
    },

    async policyVersions(siteId: string): Promise<Omit<StoredPolicy, 'policy'>[]> {
      const rows = await db
        .selectFrom('moderation_policies')
        .select(['version', 'created_by', 'created_at'])
        .where('site_id', '=', siteId)
        .orderBy('version', 'desc')
        .limit(100)
        .execute();
      return rows.map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at }));
    },

    /** Stores the next version; false when that version exists already (someone saved first). */
    async savePolicy(siteId: string, p: StoredPolicy): Promise<boolean> {
      const result = await db
        .insertInto('moderation_policies')
        .values({
          site_id: siteId,
          version: p.version,
          policy: JSON.stringify(p.policy),
          created_by: p.createdBy,
          created_at: p.createdAt,
        })
        .onConflict((oc) => oc.columns(['site_id', 'version']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    /**
     * What the spam and trust checks need to know about an author, each
     * question bounded so that a prolific author costs no more than a new one:
     * comments since `floodSince` (counted up to `floodCap`; not for an edit),
     * whether another comment since `repeatSince` has the same fingerprint, and
     * published comments on the site (counted up to `publishedCap`, 0 to skip).
     */
    async authorSignals(q: SignalsQuery): Promise<AuthorSignals> {
      if (fast) return db.connection().execute(async () => fast(q));
      // One round trip for the four questions (each bounded by its limit).
      const r = await sql<{ flood: number; repeats: string[] | null; others: boolean; published: number }>`
        select
          (select count(*)::int from (select 1 from comments where author_id = ${q.authorId}
             and created_at >= ${q.floodSince} and ${q.excludeId === null} limit ${q.floodCap}) f) as flood,
          (select array_agg(id) from (select id from comments where author_id = ${q.authorId}
             and content_hash = ${q.contentHash} and created_at >= ${q.repeatSince} limit 2) r) as repeats,
          exists (select 1 from comments where content_hash = ${q.contentHash} and site_id = ${q.siteId}
             and author_id != ${q.authorId} and created_at >= ${q.othersSince}) as others,
          (select count(*)::int from (select 1 from comments where author_id = ${q.authorId}
             and site_id = ${q.siteId} and status = 'published' limit ${q.publishedCap}) p) as published`.execute(db);
      const row = r.rows[0]!;
      return {
        lastTenMinutes: row.flood,
        repeats: (row.repeats ?? []).some((id) => id !== q.excludeId),
        othersRepeat: row.others,
        published: row.published,
      };
    },

    async spamFingerprints(siteId: string): Promise<string[]> {
      return (
        await db.selectFrom('spam_fingerprints').select('fingerprint').where('site_id', '=', siteId).execute()
      ).map((r) => r.fingerprint);
    },

    async addSpamFingerprint(siteId: string, fingerprint: string, at: string): Promise<void> {
      await db
        .insertInto('spam_fingerprints')
        .values({ site_id: siteId, fingerprint, created_at: at })
        .onConflict((oc) => oc.columns(['site_id', 'fingerprint']).doNothing())
        .execute();
    },

    /** The site's latest comments with their stored decisions, newest first (deleted ones aside). */
    async pastComments(siteId: string, limit: number): Promise<PastComment[]> {
      const rows = await db
        .selectFrom('comments')
        .select(['id', 'story_id', 'body_html', 'status', 'moderation', 'created_at'])
        .where('site_id', '=', siteId)
        .where('status', '!=', 'deleted')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        storyId: r.story_id,
        bodyHtml: r.body_html,
        status: r.status,
        moderation: r.moderation,
        createdAt: r.created_at,
      }));
    },
  };
}

export type GuidelinesRepository = ReturnType<typeof createGuidelinesRepository>;
