import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Storage } from '../storage/database.ts';
import { createImageFilesRepository } from './image-files.repository.ts';

// Where image files live. One interface, so that an S3 (or any object store)
// implementation can follow; the embedded database writes files under the
// data folder, PostgreSQL keeps them in the database so that every instance
// serves every image.

export interface ImageStore {
  put(key: string, body: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
}

const safeKey = (key: string) => {
  if (!/^[a-z0-9_-]+\/[a-z0-9_-]+\/[a-z0-9]+\.(webp|jpg)$/i.test(key)) throw new Error(`bad image key: ${key}`);
  return key;
};

export function createDiskImageStore(root: string): ImageStore {
  return {
    async put(key, body) {
      const path = join(root, safeKey(key));
      await mkdir(dirname(path), { recursive: true });
      // Written whole, then renamed: a reader never sees half a file.
      await writeFile(`${path}.tmp`, body);
      await rename(`${path}.tmp`, path);
    },
    async get(key) {
      try {
        return await readFile(join(root, safeKey(key)));
      } catch {
        return undefined;
      }
    },
  };
}

export function createMemoryImageStore(): ImageStore {
  const files = new Map<string, Buffer>();
  return {
    async put(key, body) {
      files.set(safeKey(key), body);
    },
    async get(key) {
      return files.get(safeKey(key));
    },
  };
}

/** Files in the database (image_files), through its repository. */
export function createDatabaseImageStore(files: {
  put(key: string, body: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
}): ImageStore {
  return {
    put: async (key, body) => files.put(safeKey(key), body),
    get: async (key) => files.get(safeKey(key)),
  };
}

/** The store a Parley uses: in PostgreSQL when it runs on it, else files under `dir`. */
export function imageStoreFor(storage: Storage, dir: string, now: () => Date): ImageStore {
  return storage.engine === 'postgres'
    ? createDatabaseImageStore(createImageFilesRepository(storage, now))
    : createDiskImageStore(dir);
}
