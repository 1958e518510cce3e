import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

// Column types that differ between engines. Everything else is portable SQL.
function timestamp(engine: Engine) {
  return engine === 'postgres' ? sql`timestamptz` : sql`text`;
}

export function foundation(engine: Engine) {
  const ts = timestamp(engine);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('time_zone_label', 'text')
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('tagline', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('guidelines', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('sections_site_slug', ['site_id', 'slug'])
        .execute();

      await db.schema
        .createTable('authors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('authors_site_slug', ['site_id', 'slug'])
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('article', 'liveblog')`))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('short_title', 'text')
        .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('dateline', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
        .addColumn('published_at', ts)
        .addColumn('updated_at', ts)
        .addColumn('modified_at', ts, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('live_status', 'text', (c) => c.check(sql`live_status in ('live', 'ended')`))
        .addColumn('live_topic', 'text')
        .addColumn('in_banner', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('articles_site_slug', ['site_id', 'slug'])
        .execute();
      await db.schema
        .createIndex('articles_site_published')
        .on('articles')
        .columns(['site_id', 'status', 'published_at'])
        .execute();
      await db.schema
        .createIndex('articles_section_published')
        .on('articles')
        .columns(['section_id', 'status', 'published_at'])
        .execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('authors.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
        .execute();
      await db.schema.createIndex('article_authors_author').on('article_authors').column('author_id').execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'slug'])
        .execute();
      await db.schema.createIndex('article_tags_site_slug').on('article_tags').columns(['site_id', 'slug']).execute();

      await db.schema
        .createTable('live_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('posted_at', ts, (c) => c.notNull())
        .addColumn('modified_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('live_entries_article_posted')
        .on('live_entries')
        .columns(['article_id', 'posted_at'])
        .execute();

      await db.schema
        .createTable('top_picks')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('top_picks_pk', ['site_id', 'article_id'])
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of [
        'top_picks',
        'live_entries',
        'article_tags',
        'article_authors',
        'articles',
        'authors',
        'sections',
        'sites',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
