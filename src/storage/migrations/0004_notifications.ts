import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function notifications(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reply', 'follow')`))
        .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('read_at', ts)
        .addColumn('emailed_at', ts)
        .execute();
      await db.schema
        .createIndex('notifications_user')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('notification_settings')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('email_mode', 'text', (c) =>
          c.notNull().check(sql`email_mode in ('off', 'each', 'hourly', 'daily')`),
        )
        .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
        .addColumn('last_digest_at', ts)
        .execute();

      await db.schema
        .createTable('follows')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('follows_pk', ['user_id', 'story_id'])
        .execute();
      await db.schema.createIndex('follows_story').on('follows').column('story_id').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['follows', 'notification_settings', 'notifications']) await db.schema.dropTable(t).execute();
    },
  };
}
