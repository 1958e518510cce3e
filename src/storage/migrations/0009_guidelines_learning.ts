import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function guidelinesLearning(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const bytes = engine === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // What the paper's moderators decided against (or with) the guidelines:
      // labelled examples to adapt the site's model from. One per comment.
      await db.schema
        .createTable('guideline_examples')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('comment_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('abusive', 'integer')
        .addColumn('personal', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('guideline_examples_comment')
        .unique()
        .on('guideline_examples')
        .columns(['site_id', 'comment_id'])
        .execute();

      // A site's own models, adapted from the shipped one; every instance loads the active one.
      await db.schema
        .createTable('guideline_models')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('model', bytes, (c) => c.notNull())
        .addColumn('examples', 'integer', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('activated_at', ts)
        .addPrimaryKeyConstraint('guideline_models_pk', ['site_id', 'version'])
        .execute();

      // The same text from several accounts is spam: posting asks by fingerprint across authors.
      await db.schema
        .createIndex('comments_content_hash')
        .on('comments')
        .columns(['content_hash', 'created_at'])
        .execute();

      // Long, thoughtful comments are welcome: the default limit grows from 2,000 to 5,000 characters
      // wherever a site kept the old default.
      await db.updateTable('comment_settings').set({ max_length: 5000 }).where('max_length', '=', 2000).execute();
    },
  };
}
