import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Where image files live. One interface, so that an S3 (or any object store)
// implementation can follow; the default writes files under the data folder.

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
