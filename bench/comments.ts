// bench:comments: reading a 1,000-comment story (the API's first page and the
// server-rendered article page) and posting comments (authenticated, through
// the pipeline), on SQLite and on PostgreSQL. Beside each, in the same run and
// on the same server: a fixed body of the same size. Server on core 0, load
// generator (wrk) on core 1.
import { readFileSync } from 'node:fs';
import { combine, generator, type LoadResult, load, pinned, table, waitForLine } from './load.ts';

if (generator !== 'wrk') {
  console.error(
    'bench:comments needs wrk (apt-get install -y wrk): posting rotates readers and texts with a wrk script.',
  );
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
// BENCH_ONLY=post skips the reads (profiling and iterating on posting).
const only = process.env.BENCH_ONLY ?? '';

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

for (const engine of engines) {
  const port = 8092;
  const server = pinned(0, process.execPath, [new URL('./comments-server.ts', import.meta.url).pathname], {
    PORT: String(port),
    BENCH_ENGINE: engine,
  });
  const t0 = Date.now();
  const [, info] = await waitForLine(server, /ready (\{.*\})\n/, 600_000);
  const { sizes, storyId, articlePath, dataDir } = JSON.parse(info!) as {
    sizes: Record<string, number>;
    storyId: string;
    articlePath: string;
    dataDir: string;
  };
  const base = `http://127.0.0.1:${port}`;
  console.log(
    `\n=== ${engine}: seeded 1,000 + 100 x 50 comments in ${((Date.now() - t0) / 1000).toFixed(1)} s; response sizes ${JSON.stringify(sizes)}`,
  );
  const rows: LoadResult[] = [];
  const ratios: string[] = [];
  const memory: string[] = [];
  try {
    process.env.BENCH_DATA_DIR = dataDir;
    const pairs = [
      {
        name: 'thread first page (API)',
        url: `${base}/api/stories/${storyId}/comments`,
        baseline: `${base}/__baseline/thread`,
        goal: 60,
      },
      {
        name: 'article page with comments',
        url: `${base}${articlePath}`,
        baseline: `${base}/__baseline/article`,
        goal: 60,
      },
    ];
    for (const p of only === 'post' ? [] : pairs) {
      await load('warm-up', p.url, { connections, seconds: 2 });
      const before = rss(server.pid!);
      const b: LoadResult[] = [];
      const m: LoadResult[] = [];
      for (let i = 0; i < 2; i++) {
        b.push(await load('baseline', p.baseline, { connections, seconds }));
        m.push(await load(p.name, p.url, { connections, seconds }));
      }
      const baseline = combine(`baseline for ${p.name}`, b);
      const measured = combine(p.name, m);
      rows.push(baseline, measured);
      ratios.push(
        `${p.name}: ${((measured.rps / baseline.rps) * 100).toFixed(1)}% of baseline (goal ${p.goal}%), p99 ${measured.p99.toFixed(1)} ms (goal < 20 ms)`,
      );
      memory.push(`${p.name}: RSS ${before.toFixed(0)} MB before, ${rss(server.pid!).toFixed(0)} MB after`);
    }
    // Posting: every request a new comment by one of the readers, to one of 100
    // stories. Two baselines: a fixed body, and a bare handler doing one INSERT
    // of a comment row per request on the same database. Then the old bench's
    // 1,000 readers with sessions, and 5,000 readers signed on by publisher
    // tokens (the side-by-side run's shape).
    process.env.BENCH_POST_PATH = '/__baseline/post';
    const postBaseline = await loadPost('baseline for posting (fixed body)', base);
    delete process.env.BENCH_POST_PATH;
    process.env.BENCH_POST_PREFIX = '/__baseline/insert/';
    const insertBaseline = await loadPost('baseline for posting (one INSERT)', base);
    delete process.env.BENCH_POST_PREFIX;
    const before = rss(server.pid!);
    process.env.BENCH_TOKENS = 'tokens.txt';
    const posting = await loadPost('posting, 1,000 readers (sessions)', base);
    process.env.BENCH_TOKENS = 'sso-tokens.txt';
    const postingSso = await loadPost('posting, 5,000 readers (publisher sign-on)', base);
    delete process.env.BENCH_TOKENS;
    rows.push(postBaseline, insertBaseline, posting, postingSso);
    for (const p of [posting, postingSso])
      ratios.push(
        `${p.label}: ${p.rps.toFixed(0)} comments/s (goal 3,000/s on SQLite, 2,000/s on PostgreSQL), ${((p.rps / insertBaseline.rps) * 100).toFixed(1)}% of the one-INSERT baseline (goal 50%), ${((p.rps / postBaseline.rps) * 100).toFixed(1)}% of the fixed-body baseline, p99 ${p.p99.toFixed(1)} ms (goal < 50 ms)`,
      );
    memory.push(`posting: RSS ${before.toFixed(0)} MB before, ${rss(server.pid!).toFixed(0)} MB after`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
  console.log(table(rows));
  for (const r of ratios) console.log(r);
  for (const m of memory) console.log(m);
}

async function loadPost(label: string, url: string): Promise<LoadResult> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    'taskset',
    [
      '-c',
      '1',
      'wrk',
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      '-s',
      new URL('./post.lua', import.meta.url).pathname,
      url,
    ],
    { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  await new Promise((r) => child.on('exit', r));
  const ms = (label2: string) => {
    const m = new RegExp(`${label2}\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return Number.NaN;
    return m[2] === 'us' ? Number(m[1]) / 1000 : m[2] === 's' ? Number(m[1]) * 1000 : Number(m[1]);
  };
  return {
    label,
    url,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: ms('50%'),
    p99: ms('99%'),
    bytes: 0,
    errors: 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}
