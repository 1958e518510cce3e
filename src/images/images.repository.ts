import type { Kysely } from 'kysely';
import { type ImageRef, imageRefOf } from '../articles/body.ts';
import type { Database } from '../storage/schema.ts';

export interface NewImage {
  id: string;
  siteId: string;
  width: number;
  height: number;
  widths: number[];
  originalType: string;
  bytes: number;
  createdAt: string;
}

// The files live in the image store; a row says which widths were made, so
// pages can write a srcset without looking at the store.
const refOf = (r: { id: string; site_id: string; width: number; height: number; widths: string }): ImageRef =>
  imageRefOf(r.site_id, r);

export function createImagesRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(image: NewImage): Promise<ImageRef> {
      const row = {
        id: image.id,
        site_id: image.siteId,
        width: image.width,
        height: image.height,
        widths: JSON.stringify(image.widths),
        original_type: image.originalType,
        bytes: image.bytes,
        created_at: image.createdAt,
      };
      await db.insertInto('images').values(row).execute();
      return refOf(row);
    },

    /** The site's images by id; another site's ids find nothing. */
    async refs(siteId: string, ids: string[]): Promise<Map<string, ImageRef>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('images')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, refOf(r)]));
    },
  };
}

export type ImagesRepository = ReturnType<typeof createImagesRepository>;
