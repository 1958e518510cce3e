import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// An article's lead image: an uploaded image (images.id) shown above the
// article, as its thumbnail in lists and as its picture when shared, with the
// words a paper prints beside it. The same columns on both engines.
export function leadImages(_engine: Engine) {
  const columns = ['lead_image_id', 'lead_image_alt', 'lead_image_caption', 'lead_image_credit'];
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const name of columns) await db.schema.alterTable('articles').addColumn(name, 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of [...columns].reverse()) await db.schema.alterTable('articles').dropColumn(name).execute();
    },
  };
}
