import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { enginesUnderTest } from '../storage/testing.ts';
import { createImageFilesRepository } from './image-files.repository.ts';
import { createDatabaseImageStore } from './image-store.ts';

// Image files kept in the database read back byte for byte, on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`image files on ${engine.name}`, { skip: engine.skip }, () => {
    let close = async () => {};
    after(() => close());

    it('stores and serves a file by its key', async () => {
      const storage = await engine.open();
      close = () => storage.close();
      const store = createDatabaseImageStore(createImageFilesRepository(storage));
      const body = Buffer.from([0, 1, 2, 255, 254, 0, 10]);
      await store.put('demo/abc123/640.webp', body);
      assert.deepEqual(await store.get('demo/abc123/640.webp'), body);
      assert.equal(await store.get('demo/abc123/320.webp'), undefined);
      await assert.rejects(store.put('../etc/passwd', body), /bad image key/);
    });
  });
}
