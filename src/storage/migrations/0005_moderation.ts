import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function moderation(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Every saved version is kept: decisions name the version they were made under.
      await db.schema
        .createTable('moderation_policies')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('moderation_policies_pk', ['site_id', 'version'])
        .execute();
      await db.schema
        .createTable('spam_fingerprints')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('spam_fingerprints_pk', ['site_id', 'fingerprint'])
        .execute();
      // Pre-moderation by trust: "approve and trust author" sets it.
      await db.schema
        .alterTable('users')
        .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('users').addColumn('sanctioned_at', ts).execute();
      // The spam check's question: has this author posted this text (fingerprint) today?
      await db.schema
        .createIndex('comments_author_fingerprint')
        .on('comments')
        .columns(['author_id', 'content_hash', 'created_at'])
        .execute();
      // Replaying a policy reads a site's latest comments.
      await db.schema.createIndex('comments_site_time').on('comments').columns(['site_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('comments_site_time').execute();
      await db.schema.dropIndex('comments_author_fingerprint').execute();
      await db.schema.alterTable('users').dropColumn('sanctioned_at').execute();
      await db.schema.alterTable('users').dropColumn('trusted').execute();
      await db.schema.dropTable('spam_fingerprints').execute();
      await db.schema.dropTable('moderation_policies').execute();
    },
  };
}
