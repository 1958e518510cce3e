import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { enginesUnderTest } from '../storage/testing.ts';
import { createJobsRepository } from './jobs.repository.ts';

// A job's claim is won by one holder at a time, on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`job claims on ${engine.name}`, { skip: engine.skip }, () => {
    let close = async () => {};
    after(() => close());

    it('lets one holder claim a job until its lease ends, and records the run', async () => {
      const storage = await engine.open();
      close = () => storage.close();
      const jobs = createJobsRepository(storage);
      const t0 = '2026-06-15T06:00:00.000Z';
      const t1 = '2026-06-15T06:05:00.000Z';
      const claims = await Promise.all(['a', 'b', 'c'].map((h) => jobs.claim('digests', h, t0, t1)));
      assert.deepEqual(claims.filter(Boolean).length, 1, 'one of three concurrent claims wins');
      const winner = ['a', 'b', 'c'][claims.indexOf(true)]!;
      assert.equal(await jobs.claim('digests', winner, '2026-06-15T06:04:59.000Z', t1), false, 'the lease holds');
      await jobs.finish('digests', winner, '2026-06-15T06:01:00.000Z', null);
      assert.equal((await jobs.get('digests'))?.finished_at, '2026-06-15T06:01:00.000Z');
      assert.equal(await jobs.claim('digests', 'd', t1, '2026-06-15T06:10:00.000Z'), true, 'an ended lease is free');
      assert.equal((await jobs.get('digests'))?.holder, 'd');
      assert.equal((await jobs.get('digests'))?.finished_at, null);
      assert.equal(await jobs.claim('other', 'a', t0, t1), true, 'jobs are claimed apart');
    });
  });
}
