// bench:import: a synthetic Disqus export (1,000,000 comments over 20,000
// threads, about 1 GB; BENCH_COMMENTS to change) imported into a fresh
// database on SQLite and on PostgreSQL, each in its own process pinned to one
// core with the heap limits `parley import` uses; prints comments
// per second and the importing process's peak memory.
// Goals: at least 50,000 comments per second on SQLite, peak memory under 300 MB.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const comments = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const threads = Math.max(1, Math.round(comments / 50));
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-import-'));
const file = join(dir, 'disqus.xml');

async function generate(): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n',
  );
  for (let t = 0; t < threads; t++)
    await write(
      `<thread dsq:id="t${t}"><id>story-${t}</id><forum>oldpaper</forum><link>https://www.oldpaper.example/news/2019/story-${t}/</link><title>Story number ${t}</title><createdAt>2019-01-01T00:00:00Z</createdAt></thread>\n`,
    );
  // About 1 kB a comment, as real exports (HTML bodies, author blocks, IP addresses).
  const filler =
    'The negotiators should publish the figures before the next round, and the ministry should explain the patrol costs in full. '.repeat(
      6,
    );
  for (let i = 0; i < comments; i++) {
    const t = i % threads;
    const parent = i >= threads && i % 3 === 0 ? `<parent dsq:id="p${i - threads}"/>` : '';
    await write(
      `<post dsq:id="p${i}"><id/><message><![CDATA[<p>Comment ${i}: ${filler}</p><p>Second paragraph with a <a href="https://example.org/${i}">link</a>.</p>]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>${i % 97 === 0}</isSpam><author><name>Reader ${i % 5000}</name><email>reader${i % 5000}@example.org</email><username>reader${i % 5000}</username></author><ipAddress>192.0.2.${i % 250}</ipAddress><thread dsq:id="t${t}"/>${parent}</post>\n`,
    );
  }
  await write('</disqus>\n');
  await new Promise<void>((r) => out.end(() => r()));
}

const t0 = Date.now();
await generate();
console.log(
  `generated ${comments.toLocaleString('en')} comments over ${threads.toLocaleString('en')} threads: ${(statSync(file).size / 1e9).toFixed(2)} GB in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);

// BENCH_BASELINE_DIR: a copy of an earlier Parley (e.g. `git archive main`), imported
// in the same run just before this one, for a before/after on the same machine state.
const baselineDir = process.env.BENCH_BASELINE_DIR;
const runs = [
  ...(baselineDir ? [{ name: 'baseline', script: join(baselineDir, 'bench/import-run.ts') }] : []),
  { name: baselineDir ? 'this' : '', script: new URL('./import-run.ts', import.meta.url).pathname },
];
for (const engine of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(','))
  for (const run of runs) {
    rmSync(join(dir, 'db'), { recursive: true, force: true });
    const r = spawnSync(
      'taskset',
      [
        '-c',
        '0',
        process.execPath,
        '--max-semi-space-size=8',
        '--max-old-space-size=128',
        run.script,
        engine,
        file,
        join(dir, 'db'),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (r.status !== 0) {
      console.log(`${engine} ${run.name}: failed (${r.status}) ${r.stdout}`);
      continue;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      comments: number;
      inserted: number;
      seconds: number;
      cpuSeconds: number;
      peakMb: number;
      skipped: number;
    };
    const rate = Math.round(m.comments / m.seconds);
    console.log(
      `${engine}${run.name ? ` (${run.name})` : ''}: ${m.inserted.toLocaleString('en')} comments in ${m.seconds.toFixed(1)} s = ${rate.toLocaleString('en')} comments/s${engine === 'sqlite' ? ' (goal 50,000)' : ''} (${Math.round(m.comments / m.cpuSeconds).toLocaleString('en')} per CPU-second of the importing process: the figure that a loaded machine disturbs least); peak memory ${m.peakMb} MB (goal < 300 MB); ${m.skipped} skipped`,
    );
  }
if (process.env.BENCH_KEEP) console.log(`kept ${file}`);
else rmSync(dir, { recursive: true, force: true });
