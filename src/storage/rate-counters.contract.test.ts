import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSharedRateLimiter } from '../shared/rate-limit.ts';
import { createRateCountersRepository } from './rate-counters.repository.ts';
import { enginesUnderTest } from './testing.ts';

// Shared rate limits count every hit, even a concurrent burst, on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`rate counters on ${engine.name}`, { skip: engine.skip }, () => {
    let close = async () => {};
    after(() => close());

    it('counts a concurrent burst exactly, and starts again with the next window', async () => {
      const storage = await engine.open();
      close = () => storage.close();
      const counters = createRateCountersRepository(storage);
      const counts = await Promise.all(Array.from({ length: 30 }, () => counters.hit('comments', 'u1', 60_000)));
      assert.deepEqual(
        [...counts].sort((x, y) => x - y),
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      assert.equal(await counters.hit('comments', 'u2', 60_000), 1, 'keys count apart');
      assert.equal(await counters.hit('claims', 'u1', 60_000), 1, 'limits count apart');
      assert.equal(await counters.hit('comments', 'u1', 120_000), 1, 'a new window starts again');
      let t = 125_000;
      const limiter = createSharedRateLimiter({ name: 'l', limit: 2, windowMs: 60_000, counters, now: () => t });
      assert.deepEqual([await limiter.hit('k'), await limiter.hit('k'), await limiter.hit('k')], [0, 0, 55_000]);
      t = 180_000;
      assert.equal(await limiter.hit('k'), 0);
      await counters.prune(180_000);
      assert.equal(await counters.hit('comments', 'u2', 180_000), 1, 'pruned');
    });
  });
}
