import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enginesUnderTest } from '../storage/testing.ts';
import { runFuzz } from './fuzzing.ts';
import { appOnEngine } from './testing.ts';

// A small run of the fuzzer (npm run bench:fuzz runs 100,000): every route,
// requests made from the OpenAPI schemas and the pages' forms and past them;
// no 5xx, no crash, no hang, every error in the catalogue's shape.
const COUNT = Number(process.env.FUZZ_TEST_COUNT ?? 400);

for (const engine of await enginesUnderTest()) {
  describe(`fuzzing every route on ${engine.name}`, { skip: engine.skip, timeout: 60_000 }, () => {
    const on = appOnEngine(engine);
    it(`answers ${COUNT} generated requests with 2xx/3xx/4xx in the catalogue's shape`, async () => {
      const figures = await runFuzz(on.app, { count: COUNT, seed: 16, keep: 5 });
      const shown = figures.problems.map((p) => JSON.stringify(p).slice(0, 800)).join('\n');
      assert.equal(figures.requests, COUNT);
      assert.ok(figures.routes > 100, `only ${figures.routes} routes found`);
      assert.equal(figures.fiveXx + figures.crashes + figures.hangs + figures.badShape, 0, shown);
      // the requests reach handlers, not only the validators
      assert.ok((figures.byStatus[200] ?? 0) > COUNT / 20, JSON.stringify(figures.byStatus));
    });
  });
}
