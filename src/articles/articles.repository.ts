import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import {
  type Article,
  type ArticleSummary,
  type Author,
  type ListQuery,
  leadImageColumns,
  type NewArticle,
  type Section,
  toAuthor,
  toSection,
  toSummary,
} from './articles.ts';
import { parseBody } from './body.ts';

export type { Article, ArticleSummary, Author, ListQuery, NewArticle, Section, Tag } from './articles.ts';

export function createArticlesRepository({ db }: { db: Kysely<Database> }) {
  function summaries() {
    return db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', (j) => j.onRef('i.id', '=', 'a.lead_image_id').onRef('i.site_id', '=', 'a.site_id'))
      .select([
        'a.id',
        'a.site_id',
        'a.kind',
        'a.slug',
        'a.headline',
        'a.short_title',
        'a.standfirst',
        'a.dateline',
        'a.published_at',
        'a.updated_at',
        'a.modified_at',
        'a.live_status',
        'a.live_topic',
        'a.section_id',
        's.slug as section_slug',
        's.name as section_name',
        'a.lead_image_alt',
        'a.lead_image_caption',
        'a.lead_image_credit',
        'i.id as image_id',
        'i.width as image_width',
        'i.height as image_height',
        'i.widths as image_widths',
      ])
      .where('a.status', '=', 'published');
  }

  return {
    async insertSection(section: Section): Promise<void> {
      await db
        .insertInto('sections')
        .values({
          id: section.id,
          site_id: section.siteId,
          slug: section.slug,
          name: section.name,
          description: section.description,
          position: section.position,
        })
        .execute();
    },

    async listSections(siteId: string): Promise<Section[]> {
      const rows = await db
        .selectFrom('sections')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('position')
        .orderBy('name')
        .execute();
      return rows.map(toSection);
    },

    async getSectionBySlug(siteId: string, slug: string): Promise<Section | undefined> {
      const row = await db
        .selectFrom('sections')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row && toSection(row);
    },

    async insertAuthor(author: Author): Promise<void> {
      await db
        .insertInto('authors')
        .values({
          id: author.id,
          site_id: author.siteId,
          slug: author.slug,
          name: author.name,
          title: author.title,
          bio: author.bio,
        })
        .execute();
    },

    async summaryById(siteId: string, id: string): Promise<ArticleSummary | undefined> {
      const r = await summaries().where('a.site_id', '=', siteId).where('a.id', '=', id).executeTakeFirst();
      return r && toSummary(r);
    },

    async listAuthors(siteId: string): Promise<Author[]> {
      return (await db.selectFrom('authors').selectAll().where('site_id', '=', siteId).orderBy('name').execute()).map(
        toAuthor,
      );
    },

    async getAuthorBySlug(siteId: string, slug: string): Promise<Author | undefined> {
      const row = await db
        .selectFrom('authors')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row && toAuthor(row);
    },

    async insertArticle(a: NewArticle): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('articles')
          .values({
            id: a.id,
            site_id: a.siteId,
            section_id: a.sectionId,
            kind: a.kind,
            slug: a.slug,
            headline: a.headline,
            short_title: a.shortTitle,
            standfirst: a.standfirst,
            body: JSON.stringify(a.body),
            dateline: a.dateline,
            status: a.status,
            published_at: a.publishedAt,
            updated_at: a.updatedAt,
            modified_at: a.modifiedAt,
            created_at: a.modifiedAt,
            comments_open: a.commentsOpen ? 1 : 0,
            live_status: a.liveStatus,
            live_topic: a.liveTopic,
            in_banner: a.inBanner ? 1 : 0,
            ...leadImageColumns(a.leadImage),
          })
          .execute();
        if (a.authorIds.length > 0) {
          await tx
            .insertInto('article_authors')
            .values(a.authorIds.map((author_id, position) => ({ article_id: a.id, author_id, position })))
            .execute();
        }
        if (a.tags.length > 0) {
          await tx
            .insertInto('article_tags')
            .values(a.tags.map((t) => ({ site_id: a.siteId, article_id: a.id, slug: t.slug, name: t.name })))
            .execute();
        }
      });
    },

    async getPublishedBySlug(siteId: string, slug: string): Promise<Article | undefined> {
      const row = await summaries()
        .select([
          'a.body',
          'a.comments_open',
          'a.in_banner',
          'a.correction',
          'a.corrected_at',
          'a.seo_title',
          'a.seo_description',
        ])
        .where('a.site_id', '=', siteId)
        .where('a.slug', '=', slug)
        .executeTakeFirst();
      if (!row) return undefined;
      const [authors, tags] = await Promise.all([
        db
          .selectFrom('article_authors as aa')
          .innerJoin('authors as au', 'au.id', 'aa.author_id')
          .selectAll('au')
          .where('aa.article_id', '=', row.id)
          .orderBy('aa.position')
          .execute(),
        db
          .selectFrom('article_tags')
          .select(['slug', 'name'])
          .where('article_id', '=', row.id)
          .orderBy('name')
          .execute(),
      ]);
      return {
        ...toSummary(row),
        body: parseBody(row.body),
        authors: authors.map(toAuthor),
        tags,
        commentsOpen: row.comments_open === 1,
        inBanner: row.in_banner === 1,
        correction: row.correction ?? null,
        correctedAt: row.corrected_at ?? null,
        seoTitle: row.seo_title ?? null,
        seoDescription: row.seo_description ?? null,
      };
    },

    async listPublished(q: ListQuery): Promise<ArticleSummary[]> {
      let query = summaries().where('a.site_id', '=', q.siteId);
      if (q.sectionId) query = query.where('a.section_id', '=', q.sectionId);
      if (q.kind) query = query.where('a.kind', '=', q.kind);
      if (q.before) query = query.where('a.published_at', '<', q.before);
      if (q.publishedSince) query = query.where('a.published_at', '>=', q.publishedSince);
      if (q.authorId) {
        const authorId = q.authorId;
        query = query.where('a.id', 'in', (eb) =>
          eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
        );
      }
      if (q.tagSlug) {
        const tagSlug = q.tagSlug;
        query = query.where('a.id', 'in', (eb) =>
          eb
            .selectFrom('article_tags')
            .select('article_id')
            .where('site_id', '=', q.siteId)
            .where('slug', '=', tagSlug),
        );
      }
      const rows = await query.orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).execute();
      return rows.map(toSummary);
    },

    /** Author names per article, for bylines in lists and feeds. */
    async authorNames(articleIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (articleIds.length === 0) return out;
      const rows = await db
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['aa.article_id', 'au.name'])
        .where('aa.article_id', 'in', articleIds)
        .orderBy('aa.position')
        .execute();
      for (const r of rows) {
        const list = out.get(r.article_id) ?? [];
        list.push(r.name);
        out.set(r.article_id, list);
      }
      return out;
    },

    async listTopPicks(siteId: string): Promise<ArticleSummary[]> {
      const rows = await summaries()
        .innerJoin('top_picks as tp', 'tp.article_id', 'a.id')
        .where('tp.site_id', '=', siteId)
        .orderBy('tp.position')
        .execute();
      return rows.map(toSummary);
    },

    /** Starts or ends a live blog's coverage (the editors' use cases save the whole article instead). */
    async setLiveStatus(articleId: string, status: 'live' | 'ended', at: string): Promise<void> {
      await db
        .updateTable('articles')
        .set({ live_status: status, modified_at: at })
        .where('id', '=', articleId)
        .where('kind', '=', 'liveblog')
        .execute();
    },

    /** Every published article, newest change first, for sitemaps. */
    async listForSitemap(
      siteId: string,
      limit: number,
    ): Promise<{ slug: string; sectionSlug: string; modifiedAt: string }[]> {
      const rows = await db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.slug', 's.slug as section_slug', 'a.modified_at'])
        .where('a.site_id', '=', siteId)
        .where('a.status', '=', 'published')
        .orderBy('a.modified_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ slug: r.slug, sectionSlug: r.section_slug, modifiedAt: r.modified_at }));
    },
  };
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;
