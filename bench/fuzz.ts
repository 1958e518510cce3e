// bench:fuzz: requests generated from the OpenAPI document and the pages'
// forms, and well past them, against every route of a whole Parley on a seeded
// database (SQLite; PostgreSQL with PARLEY_FUZZ_ENGINE=postgres). Every answer
// must be a 2xx/3xx/4xx with the error catalogue's shape.
//   npm run bench:fuzz -- [count=100000] [seed=1]
// Exits 1 when any 5xx, crash, hang or badly shaped error was seen.
import { runFuzz } from '../src/http/fuzzing.ts';
import { buildTestApp } from '../src/http/testing.ts';
import { enginesUnderTest } from '../src/storage/testing.ts';

const count = Number(process.argv[2] ?? process.env.FUZZ_COUNT ?? 100_000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? 1);
const engineName = process.env.PARLEY_FUZZ_ENGINE ?? 'sqlite';
const engine = (await enginesUnderTest()).find((e) => e.name === engineName);
if (!engine || engine.skip) throw new Error(`engine ${engineName} is not available: ${engine?.skip}`);
const storage = await engine.open();
const app = await buildTestApp({ storage, now: () => new Date() });
console.log(`fuzzing ${engineName}: ${count} requests, seed ${seed}`);
let figures: Awaited<ReturnType<typeof runFuzz>>;
try {
  figures = await runFuzz(app, {
    count,
    seed,
    keep: 20,
    onProgress: (done) => {
      if (done % 10_000 === 0) console.log(`  ${done} requests`);
    },
  });
} finally {
  // the PostgreSQL schema of the run is dropped even when the run fails
  await app.close();
  await storage.close();
}

for (const p of figures.problems) console.log(JSON.stringify(p));
console.log(
  [
    `engine:      ${engineName}`,
    `routes:      ${figures.routes}`,
    `re-logins:   ${figures.relogins}`,
    `requests:    ${figures.requests}`,
    `5xx:         ${figures.fiveXx}`,
    `crashes:     ${figures.crashes}`,
    `hangs:       ${figures.hangs}`,
    `bad shape:   ${figures.badShape}`,
    `time:        ${(figures.ms / 1000).toFixed(1)} s (${Math.round(figures.requests / (figures.ms / 1000))} requests/s)`,
    `by status:   ${JSON.stringify(figures.byStatus)}`,
  ].join('\n'),
);
process.exit(figures.fiveXx + figures.crashes + figures.hangs + figures.badShape > 0 ? 1 : 0);
