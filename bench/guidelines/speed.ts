import { readdirSync, statSync } from 'node:fs';
import type { Guidelines } from '../../src/guidelines/guidelines.ts';

// The whole pipeline on one core (the author-history checks with an empty
// history, as `parley moderate` gives them), and the models' size on disk.

export function speedFigures(guidelines: Guidelines, texts: string[], loadMs: number) {
  console.log('\n== speed and size');
  const times: number[] = [];
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 4000) {
    for (const t of texts) {
      const t1 = performance.now();
      guidelines.judge(t, { repeatsOwnText: false, lastTenMinutes: 0, knownSpam: false });
      times.push(performance.now() - t1);
      n++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(
    `throughput: ${Math.round(n / seconds)} comments/s on one core through the whole pipeline (goal 5,000); per comment p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (goal p99 < 5 ms)`,
  );
  const dir = new URL('../../src/guidelines/models/', import.meta.url);
  const files = readdirSync(dir).map((f) => ({ f, size: statSync(new URL(f, dir)).size }));
  const total = files.reduce((a, x) => a + x.size, 0);
  console.log(
    `models: ${files.map((x) => `${x.f} ${(x.size / 1e6).toFixed(2)} MB`).join(', ')}; ${(total / 1e6).toFixed(2)} MB in all (goal < 20 MB); read in ${loadMs.toFixed(0)} ms at start (goal < 1 s)`,
  );
  return { perSecond: n / seconds };
}
