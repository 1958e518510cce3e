import type { Storage } from '../storage/database.ts';

// The image files themselves, when they live in the database (PostgreSQL):
// written once per key (an image's widths and formats), read by any instance.

export function createImageFilesRepository(storage: Storage, now: () => Date = () => new Date()) {
  const { db } = storage;
  return {
    async put(key: string, body: Buffer): Promise<void> {
      await db
        .insertInto('image_files')
        .values({ key, body, created_at: now().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ body }))
        .execute();
    },

    async get(key: string): Promise<Buffer | undefined> {
      const r = await db.selectFrom('image_files').select('body').where('key', '=', key).executeTakeFirst();
      return r ? Buffer.from(r.body) : undefined;
    },
  };
}

export type ImageFilesRepository = ReturnType<typeof createImageFilesRepository>;
