import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../storage/schema.ts';
import type { Policy } from './policy.ts';

export interface StoredPolicy {
  version: number;
  policy: Policy;
  createdBy: string | null;
  createdAt: string;
}

export interface AuthorActivity {
  /** the author's comments of the last day, newest first (at most 50) */
  recent: { id: string; body: string; createdAt: string }[];
  /** published comments on the site, counted up to `upTo` */
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

export function createModerationRepository({ db }: { db: Kysely<Database> }) {
  return {
    async currentPolicy(siteId: string): Promise<StoredPolicy | undefined> {
      const row = await db.selectFrom('moderation_policies').selectAll().where('site_id', '=', siteId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row && { version: row.version, policy: JSON.parse(row.policy) as Policy, createdBy: row.created_by, createdAt: row.created_at };
    },

    async policyVersions(siteId: string): Promise<Omit<StoredPolicy, 'policy'>[]> {
      const rows = await db.selectFrom('moderation_policies').select(['version', 'created_by', 'created_at']).where('site_id', '=', siteId).orderBy('version', 'desc').limit(100).execute();
      return rows.map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at }));
    },

    /** Stores the next version; false when that version exists already (someone saved first). */
    async savePolicy(siteId: string, p: StoredPolicy): Promise<boolean> {
      const result = await db
        .insertInto('moderation_policies')
        .values({ site_id: siteId, version: p.version, policy: JSON.stringify(p.policy), created_by: p.createdBy, created_at: p.createdAt })
        .onConflict((oc) => oc.columns(['site_id', 'version']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async authorActivity(siteId: string, authorId: string, since: string, upTo: number): Promise<AuthorActivity> {
      const recent = await db
        .selectFrom('comments')
        .select(['id', 'body', 'created_at'])
        .where('author_id', '=', authorId)
        .where('site_id', '=', siteId)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      let published = 0;
      if (upTo > 0) {
        // Counting stops at what the policy needs: a prolific author costs no more than a new one.
        const rows = await db.selectFrom('comments').select('id').where('author_id', '=', authorId).where('site_id', '=', siteId).where('status', '=', 'published').limit(upTo).execute();
        published = rows.length;
      }
      return { recent: recent.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at })), published };
    },

    async spamFingerprints(siteId: string): Promise<string[]> {
      return (await db.selectFrom('spam_fingerprints').select('fingerprint').where('site_id', '=', siteId).execute()).map((r) => r.fingerprint);
    },

    async addSpamFingerprint(siteId: string, fingerprint: string, at: string): Promise<void> {
      await db.insertInto('spam_fingerprints').values({ site_id: siteId, fingerprint, created_at: at }).onConflict((oc) => oc.columns(['site_id', 'fingerprint']).doNothing()).execute();
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
      return rows.map((r) => ({ id: r.id, storyId: r.story_id, bodyHtml: r.body_html, status: r.status, moderation: r.moderation, createdAt: r.created_at }));
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
