import { type Kysely, sql } from 'kysely';
import type { Engine } from '../storage/engine.ts';
import type { ArticleKind, ArticleStatus, Database, LiveStatus } from '../storage/schema.ts';
import { type LeadImageChoice, leadImageColumns } from './articles.ts';
import type { Block } from './body.ts';
import { parseBody } from './body.ts';

// The editors' side of articles: every status, every field, revisions,
// scheduling and search. Live entries are the live blogs' repository's,
// page views Top News's.

export interface EditableArticle {
  id: string;
  siteId: string;
  kind: ArticleKind;
  sectionId: string;
  slug: string;
  headline: string;
  shortTitle: string | null;
  standfirst: string;
  body: Block[];
  dateline: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  commentsOpen: boolean;
  authorIds: string[];
  tags: { slug: string; name: string }[];
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  correction: string | null;
  correctedAt: string | null;
  liveStatus: LiveStatus | null;
  liveTopic: string | null;
  inBanner: boolean;
  leadImage: LeadImageChoice | null;
  modifiedAt: string;
  version: number;
}

export function createNewsroomRepository({ db, engine }: { db: Kysely<Database>; engine: Engine }) {
  // Search rows follow the articles by triggers (SQLite) or an expression index (PostgreSQL): see migration 0008.
  return {
    async get(siteId: string, id: string): Promise<EditableArticle | undefined> {
      const r = await db
        .selectFrom('articles')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      const [authors, tags] = await Promise.all([
        db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute(),
        db.selectFrom('article_tags').select(['slug', 'name']).where('article_id', '=', id).orderBy('name').execute(),
      ]);
      return {
        id: r.id,
        siteId: r.site_id,
        kind: r.kind,
        sectionId: r.section_id,
        slug: r.slug,
        headline: r.headline,
        shortTitle: r.short_title,
        standfirst: r.standfirst,
        body: parseBody(r.body),
        dateline: r.dateline,
        seoTitle: r.seo_title ?? null,
        seoDescription: r.seo_description ?? null,
        commentsOpen: r.comments_open === 1,
        authorIds: authors.map((a) => a.author_id),
        tags,
        status: r.status,
        publishedAt: r.published_at,
        updatedAt: r.updated_at,
        scheduledAt: r.scheduled_at ?? null,
        correction: r.correction ?? null,
        correctedAt: r.corrected_at ?? null,
        liveStatus: r.live_status,
        liveTopic: r.live_topic,
        inBanner: r.in_banner === 1,
        leadImage: r.lead_image_id
          ? {
              imageId: r.lead_image_id,
              alt: r.lead_image_alt ?? '',
              caption: r.lead_image_caption ?? '',
              credit: r.lead_image_credit ?? '',
            }
          : null,
        modifiedAt: r.modified_at,
        version: Number(r.version ?? 0),
      };
    },

    async slugTaken(siteId: string, slug: string, exceptId: string | null): Promise<boolean> {
      const r = await db
        .selectFrom('articles')
        .select('id')
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r !== undefined && r.id !== exceptId;
    },

    /** Writes the whole article if it is still at `expectedVersion` (or creates it when that is -1); records a revision. */
    async save(a: EditableArticle, expectedVersion: number, editorName: string, revisionId: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const row = {
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
          comments_open: a.commentsOpen ? 1 : 0,
          live_status: a.liveStatus,
          live_topic: a.liveTopic,
          in_banner: a.inBanner ? 1 : 0,
          scheduled_at: a.scheduledAt,
          seo_title: a.seoTitle,
          seo_description: a.seoDescription,
          correction: a.correction,
          corrected_at: a.correctedAt,
          ...leadImageColumns(a.leadImage),
          version: expectedVersion + 1,
        };
        if (expectedVersion < 0) {
          await tx
            .insertInto('articles')
            .values({ id: a.id, site_id: a.siteId, created_at: a.modifiedAt, ...row })
            .execute();
        } else {
          const r = await tx
            .updateTable('articles')
            .set(row)
            .where('id', '=', a.id)
            .where('site_id', '=', a.siteId)
            .where('version', '=', expectedVersion)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) return false;
          await tx.deleteFrom('article_authors').where('article_id', '=', a.id).execute();
          await tx.deleteFrom('article_tags').where('article_id', '=', a.id).execute();
        }
        if (a.authorIds.length)
          await tx
            .insertInto('article_authors')
            .values(a.authorIds.map((author_id, position) => ({ article_id: a.id, author_id, position })))
            .execute();
        if (a.tags.length)
          await tx
            .insertInto('article_tags')
            .values(a.tags.map((t) => ({ site_id: a.siteId, article_id: a.id, slug: t.slug, name: t.name })))
            .execute();
        await tx
          .insertInto('article_revisions')
          .values({
            id: revisionId,
            site_id: a.siteId,
            article_id: a.id,
            snapshot: JSON.stringify({ ...a, version: expectedVersion + 1 }),
            editor_name: editorName,
            created_at: a.modifiedAt,
          })
          .execute();
        return true;
      });
    },

    async revisions(
      articleId: string,
    ): Promise<{ id: string; editorName: string; createdAt: string; snapshot: EditableArticle }[]> {
      const rows = await db
        .selectFrom('article_revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        editorName: r.editor_name,
        createdAt: r.created_at,
        snapshot: JSON.parse(r.snapshot) as EditableArticle,
      }));
    },

    async list(
      siteId: string,
      q: { text?: string | undefined; limit: number; kind?: ArticleKind },
    ): Promise<
      (Pick<
        EditableArticle,
        'id' | 'kind' | 'slug' | 'headline' | 'status' | 'publishedAt' | 'scheduledAt' | 'modifiedAt' | 'liveStatus'
      > & { sectionSlug: string })[]
    > {
      let query = db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select([
          'a.id',
          'a.kind',
          'a.slug',
          'a.headline',
          'a.status',
          'a.published_at',
          'a.scheduled_at',
          'a.modified_at',
          'a.live_status',
          's.slug as section_slug',
        ])
        .where('a.site_id', '=', siteId);
      if (q.text) query = query.where('a.id', 'in', await this.searchIds(siteId, q.text, 200, false));
      if (q.kind) query = query.where('a.kind', '=', q.kind);
      const rows = await query.orderBy('a.modified_at', 'desc').limit(q.limit).execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        slug: r.slug,
        headline: r.headline,
        status: r.status,
        publishedAt: r.published_at,
        scheduledAt: r.scheduled_at ?? null,
        modifiedAt: r.modified_at,
        liveStatus: r.live_status,
        sectionSlug: r.section_slug,
      }));
    },

    /** Article ids matching a query, best first: FTS5 on SQLite, full-text search on PostgreSQL. */
    async searchIds(siteId: string, text: string, limit: number, publishedOnly: boolean): Promise<string[]> {
      const words =
        text
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu)
          ?.slice(0, 12) ?? [];
      if (words.length === 0) return ['-'];
      if (engine === 'sqlite') {
        // Every word, as a prefix: "fisher talk" finds "fisheries talks".
        const match = words.map((w) => `"${w}"*`).join(' ');
        const rows = await sql<{
          article_id: string;
        }>`select f.article_id from articles_fts f join articles a on a.id = f.article_id where articles_fts match ${match} and f.site_id = ${siteId} ${publishedOnly ? sql`and a.status = 'published'` : sql``} order by bm25(articles_fts, 0, 0, 10.0, 4.0, 1.0) limit ${limit}`.execute(
          db,
        );
        return rows.rows.length ? rows.rows.map((r) => r.article_id) : ['-'];
      }
      const query = words.map((w) => `${w.replace(/'/g, '')}:*`).join(' & ');
      const rows = await sql<{
        id: string;
      }>`select id from articles where site_id = ${siteId} ${publishedOnly ? sql`and status = 'published'` : sql``} and to_tsvector('english', headline || ' ' || standfirst || ' ' || body) @@ to_tsquery('english', ${query}) order by ts_rank(to_tsvector('english', headline || ' ' || standfirst || ' ' || body), to_tsquery('english', ${query})) desc limit ${limit}`.execute(
        db,
      );
      return rows.rows.length ? rows.rows.map((r) => r.id) : ['-'];
    },

    /** Drafts whose scheduled time has come. */
    async due(now: string): Promise<{ siteId: string; id: string }[]> {
      const rows = await db
        .selectFrom('articles')
        .select(['site_id', 'id'])
        .where('status', '=', 'draft')
        .where('scheduled_at', 'is not', null)
        .where('scheduled_at', '<=', now)
        .execute();
      return rows.map((r) => ({ siteId: r.site_id, id: r.id }));
    },

    /** Live blogs still live whose newest entry (or start) is older than `before`. */
    async stale(before: string): Promise<{ siteId: string; id: string }[]> {
      const rows = await db
        .selectFrom('articles as a')
        .select(['a.site_id', 'a.id'])
        .where('a.kind', '=', 'liveblog')
        .where('a.live_status', '=', 'live')
        .where('a.status', '=', 'published')
        .where(
          sql<string>`coalesce((select max(e.posted_at) from live_entries e where e.article_id = a.id), a.published_at)`,
          '<',
          before,
        )
        .execute();
      return rows.map((r) => ({ siteId: r.site_id, id: r.id }));
    },

    async touch(articleId: string, at: string): Promise<void> {
      await db.updateTable('articles').set({ modified_at: at }).where('id', '=', articleId).execute();
    },
  };
}

export type NewsroomRepository = ReturnType<typeof createNewsroomRepository>;
