import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function imports(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Authors of another platform's comments, until a reader claims them.
      await db.schema
        .createTable('legacy_authors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('email_hash', 'text')
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('claimed_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('legacy_authors_email')
        .on('legacy_authors')
        .columns(['site_id', 'email_hash'])
        .execute();
      await db.schema
        .createIndex('legacy_authors_external')
        .on('legacy_authors')
        .columns(['site_id', 'external_id'])
        .execute();
      await db.schema.createIndex('legacy_authors_user').on('legacy_authors').column('user_id').execute();

      await db.schema
        .alterTable('comments')
        .addColumn('legacy_author_id', 'text', (c) => c.references('legacy_authors.id').onDelete('set null'))
        .execute();
      await db.schema.alterTable('comments').addColumn('import_source', 'text').execute();
      await db.schema.alterTable('comments').addColumn('import_id', 'text').execute();
      // The old platform's HTML as it came, for audit: never shown.
      await db.schema.alterTable('comments').addColumn('original_html', 'text').execute();
      await db.schema.createIndex('comments_legacy_author').on('comments').column('legacy_author_id').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('comments_legacy_author').execute();
      for (const c of ['original_html', 'import_id', 'import_source', 'legacy_author_id'])
        await db.schema.alterTable('comments').dropColumn(c).execute();
      await db.schema.dropTable('legacy_authors').execute();
    },
  };
}
