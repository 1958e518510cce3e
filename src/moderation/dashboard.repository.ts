import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

// What the dashboard counts: the site's recent comments and moderators' actions.

export function createDashboardRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Rows for the dashboard: the site's comments since a time, with what happened to them. */
    async since(siteId: string, since: string) {
      return db
        .selectFrom('comments as c')
        .innerJoin('stories as s', 's.id', 'c.story_id')
        .select([
          'c.id',
          'c.status',
          'c.created_at',
          'c.moderated_at',
          'c.moderated_by',
          'c.moderation',
          'c.refusal_code',
          's.title as story_title',
          'c.story_id',
        ])
        .where('c.site_id', '=', siteId)
        .where('c.created_at', '>=', since)
        .execute();
    },

    async actionsSince(siteId: string, since: string) {
      return db
        .selectFrom('audit_log')
        .select(['actor_name', 'action', 'created_at'])
        .where('site_id', '=', siteId)
        .where('created_at', '>=', since)
        .where('target_type', '=', 'comment')
        .execute();
    },
  };
}
