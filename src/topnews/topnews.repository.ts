import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Activity } from './ranking.ts';

// Top News Today's own tables: counted page views per article and day, and
// the editors' picks. Today's comments are read from the comments' tables,
// which the comments feature alone writes.

export function createTopnewsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Adds counted views (article → views) for a day. */
    async addViews(siteId: string, day: string, counts: Map<string, number>): Promise<void> {
      for (const [articleId, n] of counts) {
        await db
          .insertInto('article_views')
          .values({ site_id: siteId, article_id: articleId, day, views: n })
          .onConflict((oc) =>
            oc
              .columns(['article_id', 'day'])
              .doUpdateSet((eb) => ({ views: eb('article_views.views', '+', eb.ref('excluded.views')) })),
          )
          .execute();
      }
    },

    /** Today's views and published comments per article. */
    async activity(siteId: string, day: string, since: string): Promise<Map<string, Activity>> {
      const [views, comments] = await Promise.all([
        db
          .selectFrom('article_views')
          .select(['article_id', 'views'])
          .where('site_id', '=', siteId)
          .where('day', '=', day)
          .execute(),
        db
          .selectFrom('comments as c')
          .innerJoin('stories as s', 's.id', 'c.story_id')
          .select(['s.article_id', sql<number>`count(*)`.as('n')])
          .where('c.site_id', '=', siteId)
          .where('c.status', '=', 'published')
          .where('c.created_at', '>=', since)
          .where('s.article_id', 'is not', null)
          .groupBy('s.article_id')
          .execute(),
      ]);
      const out = new Map<string, Activity>();
      for (const v of views) out.set(v.article_id, { views: Number(v.views), comments: 0 });
      for (const c of comments) {
        const e = out.get(c.article_id!) ?? { views: 0, comments: 0 };
        e.comments = Number(c.n);
        out.set(c.article_id!, e);
      }
      return out;
    },

    /** Replaces the site's editors' picks, in order (the articles' repository reads them with their summaries). */
    async setPicks(siteId: string, articleIds: string[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('top_picks').where('site_id', '=', siteId).execute();
        if (articleIds.length > 0) {
          await tx
            .insertInto('top_picks')
            .values(articleIds.map((article_id, position) => ({ site_id: siteId, article_id, position })))
            .execute();
        }
      });
    },
  };
}

export type TopnewsRepository = ReturnType<typeof createTopnewsRepository>;
