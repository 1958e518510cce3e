import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

// What an export reads: a site's stories and comments, page by page, in a
// keyset order that holds however large the site is.

export function createExportRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Stories after this id, by id. */
    storiesPage(siteId: string, afterId: string, limit: number) {
      return db
        .selectFrom('stories')
        .select(['id', 'url', 'title', 'created_at'])
        .where('site_id', '=', siteId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /** Comments after this one, by time and id, with who wrote them (reader or legacy author). */
    commentsPage(siteId: string, after: { at: string; id: string } | undefined, limit: number) {
      let q = db
        .selectFrom('comments as c')
        .leftJoin('users as u', 'u.id', 'c.author_id')
        .leftJoin('legacy_authors as l', 'l.id', 'c.legacy_author_id')
        .select([
          'c.id',
          'c.story_id',
          'c.parent_id',
          'c.author_name',
          'c.body',
          'c.body_html',
          'c.status',
          'c.reaction_count',
          'c.created_at',
          'u.id as user_id',
          'u.email as user_email',
          'l.external_id as legacy_id',
          'l.email as legacy_email',
        ])
        .where('c.site_id', '=', siteId)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .limit(limit);
      if (after) {
        const { at, id } = after;
        q = q.where((eb) =>
          eb.or([eb('c.created_at', '>', at), eb.and([eb('c.created_at', '=', at), eb('c.id', '>', id)])]),
        );
      }
      return q.execute();
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
export type ExportedComment = Awaited<ReturnType<ExportRepository['commentsPage']>>[number];
export type ExportedStory = Awaited<ReturnType<ExportRepository['storiesPage']>>[number];
