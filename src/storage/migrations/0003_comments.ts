import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function comments(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // A conversation: under one of Parley's articles, or under a page of
      // another site that embeds the widget (keyed by its story id or URL).
      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
        // when the conversation opened: the article's publication, or the embed's first load
        .addColumn('opened_at', ts, (c) => c.notNull())
        .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_comment_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addUniqueConstraint('stories_site_key', ['site_id', 'key'])
        .execute();
      await db.schema.createIndex('stories_article').on('stories').column('article_id').execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
        // where a reply is shown: its parent, or, past the deepest level, the parent's own thread
        .addColumn('display_parent_id', 'text', (c) => c.references('comments.id'))
        .addColumn('root_id', 'text')
        .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('published', 'pending', 'rejected', 'deleted')`),
        )
        .addColumn('status_reason', 'text')
        .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reaction_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('edited_at', ts)
        .execute();
      await db.schema
        .createIndex('comments_story_top')
        .on('comments')
        .columns(['story_id', 'parent_id', 'created_at'])
        .execute();
      await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'created_at']).execute();
      await db.schema.createIndex('comments_author').on('comments').columns(['author_id', 'created_at']).execute();
      // Most comments carry no idempotency key: a partial index costs them nothing.
      await db.schema
        .createIndex('comments_idempotency')
        .on('comments')
        .columns(['author_id', 'idempotency_key'])
        .unique()
        .where(sql.ref('idempotency_key'), 'is not', null)
        .execute();

      await db.schema
        .createTable('comment_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('replaced_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('comment_revisions_comment').on('comment_revisions').column('comment_id').execute();

      await db.schema
        .createTable('reactions')
        .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('reactions_pk', ['comment_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) =>
          c.notNull().check(sql`reason in ('abusive', 'personal', 'spam', 'off_topic', 'other')`),
        )
        .addColumn('note', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('reports_pk', ['comment_id', 'user_id'])
        .execute();

      // A journalist's account, so that their replies under their own stories stand out.
      await db.schema
        .alterTable('authors')
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();

      await db.schema
        .createTable('comment_settings')
        .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('max_length', 'integer', (c) => c.notNull().defaultTo(2000))
        .addColumn('edit_window_seconds', 'integer', (c) => c.notNull().defaultTo(600))
        .addColumn('reaction_label', 'text', (c) => c.notNull().defaultTo('Respect'))
        .addColumn('auto_close_days', 'integer')
        .addColumn('all_closed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('closed_message', 'text')
        .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['comment_settings', 'reports', 'reactions', 'comment_revisions', 'comments', 'stories'])
        await db.schema.dropTable(t).execute();
    },
  };
}
