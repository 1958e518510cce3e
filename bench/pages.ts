// bench:pages: requests per second and latency of the article page and the
// front page for anonymous readers, beside a baseline measured in the same
// run on the same Fastify instance: a fixed HTML string of the same size.
// The server runs on core 0, autocannon on core 1.
import { availableParallelism } from 'node:os';
import { combine, generator, type LoadResult, load, pinned, table, waitForLine } from './load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = 50;
const port = 8091;
const base = `http://127.0.0.1:${port}`;

if (availableParallelism() < 2) console.warn('warning: fewer than 2 cores; server and load generator will share one');

const server = pinned(0, process.execPath, [new URL('./pages-server.ts', import.meta.url).pathname], {
  PORT: String(port),
});
const [, sizes] = await waitForLine(server, /ready (\{.*\})\n/);
console.log(`page sizes in bytes: ${sizes}`);
console.log(
  `${generator}: ${connections} connections, ${rounds} alternating rounds of ${seconds} s per URL; server on core 0, ${generator} on core 1\n`,
);

const pairs = [
  {
    name: 'article page',
    url: `${base}/world/island-nations-agree-to-reopen-fisheries-talks`,
    baseline: `${base}/__baseline/article`,
  },
  { name: 'front page', url: `${base}/`, baseline: `${base}/__baseline/front` },
];
const rows: LoadResult[] = [];
const ratios: string[] = [];
try {
  for (const p of pairs) {
    await load('warm-up', p.url, { connections, seconds: 2 });
    const baselineRuns: LoadResult[] = [];
    const pageRuns: LoadResult[] = [];
    // Alternate, so that a noisy moment on this machine hurts both sides alike.
    for (let i = 0; i < rounds; i++) {
      baselineRuns.push(await load('baseline', p.baseline, { connections, seconds }));
      pageRuns.push(await load(p.name, p.url, { connections, seconds }));
    }
    const baseline = combine(`baseline for ${p.name} (fixed string)`, baselineRuns);
    const page = combine(p.name, pageRuns);
    rows.push(baseline, page);
    for (const [i, r] of pageRuns.entries())
      console.log(
        `round ${i + 1}: ${p.name} ${r.rps.toFixed(0)} req/s, baseline ${baselineRuns[i]!.rps.toFixed(0)} req/s`,
      );
    const goal = p.name === 'article page' ? ' (goal: 80% or more)' : '';
    ratios.push(`${p.name}: ${((page.rps / baseline.rps) * 100).toFixed(1)}% of baseline req/s${goal}`);
  }
} finally {
  server.kill('SIGTERM');
}
console.log();
console.log(table(rows));
console.log();
for (const r of ratios) console.log(r);
