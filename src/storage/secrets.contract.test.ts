import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadSecret } from '../shared/secrets.ts';
import type { Storage } from './database.ts';
import { createSecretsRepository } from './secrets.repository.ts';
import { enginesUnderTest } from './testing.ts';

const T = '2026-06-15T06:30:00.000Z';

// Instances starting together must sign alike: the first secret stored wins.
for (const engine of await enginesUnderTest()) {
  describe(`secrets on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    before(async () => {
      storage = await engine.open();
    });
    after(() => storage?.close());

    it('makes a secret once, and every caller gets the same one', async () => {
      const deps = { secretsRepository: createSecretsRepository(storage) };
      const [a, b] = await Promise.all([
        loadSecret(deps, { name: 'test', rootSecret: undefined, now: T }),
        loadSecret(deps, { name: 'test', rootSecret: undefined, now: T }),
      ]);
      assert.equal(a, b);
      assert.ok(a.length >= 48);
      assert.notEqual(await loadSecret(deps, { name: 'other', rootSecret: undefined, now: T }), a);
    });

    it('derives every secret from a configured root instead, storing none', async () => {
      const deps = { secretsRepository: createSecretsRepository(storage) };
      const root = 'a-configured-root-secret-of-enough-length';
      const derived = await loadSecret(deps, { name: 'fresh', rootSecret: root, now: T });
      assert.equal(derived, await loadSecret(deps, { name: 'fresh', rootSecret: root, now: T }));
      assert.notEqual(derived, await loadSecret(deps, { name: 'fresh', rootSecret: `${root}!`, now: T }));
      assert.equal(
        await storage.db.selectFrom('secrets').select('name').where('name', '=', 'fresh').executeTakeFirst(),
        undefined,
      );
    });
  });
}
