import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function workspace(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Moderators' decisions on comments: optimistic concurrency by version.
      await db.schema
        .alterTable('comments')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('comments').addColumn('moderated_by', 'text').execute();
      await db.schema.alterTable('comments').addColumn('moderated_at', ts).execute();
      await db.schema.alterTable('comments').addColumn('refusal_code', 'text').execute();
      await db.schema.alterTable('comments').addColumn('appeal', 'text').execute();
      await db.schema.alterTable('comments').addColumn('appealed_at', ts).execute();
      await db.schema
        .createIndex('comments_site_status')
        .on('comments')
        .columns(['site_id', 'status', 'created_at'])
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('undone_by', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_site').on('audit_log').columns(['site_id', 'created_at']).execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_id', 'created_at']).execute();

      await db.schema
        .createTable('moderator_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('author_id', 'text')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('moderator_notes_user')
        .on('moderator_notes')
        .columns(['user_id', 'created_at'])
        .execute();

      // A warning the reader must acknowledge before commenting again.
      await db.schema.alterTable('users').addColumn('warning', 'text').execute();
      await db.schema.alterTable('users').addColumn('warned_at', ts).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('users').dropColumn('warned_at').execute();
      await db.schema.alterTable('users').dropColumn('warning').execute();
      await db.schema.dropTable('moderator_notes').execute();
      await db.schema.dropTable('audit_log').execute();
      await db.schema.dropIndex('comments_site_status').execute();
      for (const c of ['appealed_at', 'appeal', 'refusal_code', 'moderated_at', 'moderated_by', 'version'])
        await db.schema.alterTable('comments').dropColumn(c).execute();
    },
  };
}
