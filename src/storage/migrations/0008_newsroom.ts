import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function newsroom(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Workflow: a draft with scheduled_at is scheduled; a draft with a past published_at was unpublished.
      for (const [name, type] of [
        ['scheduled_at', ts],
        ['seo_title', sql`text`],
        ['seo_description', sql`text`],
        ['correction', sql`text`],
        ['corrected_at', ts],
      ] as const) {
        await db.schema.alterTable('articles').addColumn(name, type).execute();
      }
      await db.schema
        .alterTable('articles')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('articles_scheduled').on('articles').columns(['status', 'scheduled_at']).execute();

      await db.schema
        .createTable('article_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('article_revisions_article')
        .on('article_revisions')
        .columns(['article_id', 'created_at'])
        .execute();

      // Uploaded images: the resized files live in the image store (disk by default).
      await db.schema
        .createTable('images')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('widths', 'text', (c) => c.notNull())
        .addColumn('original_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      // Page views per article and day (the site's day): counts only, nothing about the reader.
      await db.schema
        .createTable('article_views')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'day'])
        .execute();
      await db.schema.createIndex('article_views_site_day').on('article_views').columns(['site_id', 'day']).execute();

      // Search: FTS5 on the embedded database, an expression index for PostgreSQL's full-text search.
      if (engine === 'sqlite') {
        await sql`create virtual table articles_fts using fts5(article_id unindexed, site_id unindexed, headline, standfirst, body, tokenize = 'porter unicode61')`.execute(
          db,
        );
        await sql`insert into articles_fts (article_id, site_id, headline, standfirst, body) select id, site_id, headline, standfirst, body from articles`.execute(
          db,
        );
        // Kept by triggers, so that every way an article is written (seed, newsroom, import) is searchable.
        await sql`create trigger articles_fts_insert after insert on articles begin insert into articles_fts (article_id, site_id, headline, standfirst, body) values (new.id, new.site_id, new.headline, new.standfirst, new.body); end`.execute(
          db,
        );
        await sql`create trigger articles_fts_update after update of headline, standfirst, body on articles begin delete from articles_fts where article_id = old.id; insert into articles_fts (article_id, site_id, headline, standfirst, body) values (new.id, new.site_id, new.headline, new.standfirst, new.body); end`.execute(
          db,
        );
        await sql`create trigger articles_fts_delete after delete on articles begin delete from articles_fts where article_id = old.id; end`.execute(
          db,
        );
      } else {
        await sql`create index articles_search on articles using gin (to_tsvector('english', headline || ' ' || standfirst || ' ' || body))`.execute(
          db,
        );
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      if (engine === 'sqlite') {
        for (const t of ['articles_fts_insert', 'articles_fts_update', 'articles_fts_delete'])
          await sql.raw(`drop trigger ${t}`).execute(db);
        await sql`drop table articles_fts`.execute(db);
      } else await sql`drop index articles_search`.execute(db);
      await db.schema.dropTable('article_views').execute();
      await db.schema.dropTable('images').execute();
      await db.schema.dropTable('article_revisions').execute();
      await db.schema.dropIndex('articles_scheduled').execute();
      for (const c of ['version', 'corrected_at', 'correction', 'seo_description', 'seo_title', 'scheduled_at'])
        await db.schema.alterTable('articles').dropColumn(c).execute();
    },
  };
}
