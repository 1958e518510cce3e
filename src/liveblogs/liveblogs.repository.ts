import type { Kysely, Selectable } from 'kysely';
import { type Block, parseBody } from '../articles/body.ts';
import type { Database, LiveEntriesTable } from '../storage/schema.ts';

export interface LiveEntry {
  id: string;
  articleId: string;
  headline: string;
  body: Block[];
  keyEvent: boolean;
  postedAt: string;
}

export interface BannerItem {
  articleId: string;
  slug: string;
  sectionSlug: string;
  topic: string;
  title: string;
  latestHeadline: string | null;
  latestAt: string | null;
}

const toEntry = (r: Selectable<LiveEntriesTable>): LiveEntry => ({
  id: r.id,
  articleId: r.article_id,
  headline: r.headline,
  body: parseBody(r.body),
  keyEvent: r.key_event === 1,
  postedAt: r.posted_at,
});

export function createLiveblogsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insertEntry(e: LiveEntry & { siteId: string }): Promise<void> {
      await db
        .insertInto('live_entries')
        .values({
          id: e.id,
          site_id: e.siteId,
          article_id: e.articleId,
          headline: e.headline,
          body: JSON.stringify(e.body),
          key_event: e.keyEvent ? 1 : 0,
          posted_at: e.postedAt,
          modified_at: e.postedAt,
        })
        .execute();
    },

    async listEntries(articleId: string, limit: number): Promise<LiveEntry[]> {
      const rows = await db
        .selectFrom('live_entries')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('posted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toEntry);
    },

    async getEntry(articleId: string, entryId: string): Promise<LiveEntry | undefined> {
      const r = await db
        .selectFrom('live_entries')
        .selectAll()
        .where('article_id', '=', articleId)
        .where('id', '=', entryId)
        .executeTakeFirst();
      return r && toEntry(r);
    },

    /** An entry of the site's, whichever blog it is in (editors give the blog too, and it must match). */
    async findEntry(siteId: string, entryId: string): Promise<LiveEntry | undefined> {
      const r = await db
        .selectFrom('live_entries')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', entryId)
        .executeTakeFirst();
      return r && toEntry(r);
    },

    async updateEntry(
      id: string,
      e: { headline: string; body: Block[]; keyEvent: boolean; at: string },
    ): Promise<void> {
      await db
        .updateTable('live_entries')
        .set({ headline: e.headline, body: JSON.stringify(e.body), key_event: e.keyEvent ? 1 : 0, modified_at: e.at })
        .where('id', '=', id)
        .execute();
    },

    async deleteEntry(id: string): Promise<void> {
      await db.deleteFrom('live_entries').where('id', '=', id).execute();
    },

    /** Live blogs featured in the site-wide banner, each with its newest entry. */
    async bannerItems(siteId: string): Promise<BannerItem[]> {
      const blogs = await db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.slug', 'a.headline', 'a.short_title', 'a.live_topic', 's.slug as section_slug'])
        .where('a.site_id', '=', siteId)
        .where('a.kind', '=', 'liveblog')
        .where('a.status', '=', 'published')
        .where('a.live_status', '=', 'live')
        .where('a.in_banner', '=', 1)
        .orderBy('a.published_at', 'desc')
        .execute();
      return Promise.all(
        blogs.map(async (b) => {
          const latest = await db
            .selectFrom('live_entries')
            .select(['headline', 'posted_at'])
            .where('article_id', '=', b.id)
            .orderBy('posted_at', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst();
          return {
            articleId: b.id,
            slug: b.slug,
            sectionSlug: b.section_slug,
            topic: b.live_topic ?? '',
            title: b.short_title ?? b.headline,
            latestHeadline: latest?.headline ?? null,
            latestAt: latest?.posted_at ?? null,
          };
        }),
      );
    },
  };
}

export type LiveblogsRepository = ReturnType<typeof createLiveblogsRepository>;
