// Where a post's time goes, without HTTP: the SQL statements a post sends
// (counted by wrapping the pg client's query; on SQLite by the better-sqlite3
// statements run), the time of a post one at a time, and posts per second with
// CONCURRENCY (50) posts in flight. ENGINE=sqlite|postgres; run it with
// --cpu-prof for a profile. Copied into an older checkout's bench/, it measures
// that one the same way.
import pg from 'pg';

const counts = new Map<string, { n: number; ms: number }>();
let on = false;
const orig = pg.Client.prototype.query;
type Query = (this: unknown, ...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  if (!on) return (orig as unknown as Query).apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
  const t = performance.now();
  const k = String(text).replace(/\s+/g, ' ').slice(0, 110);
  const r = (orig as unknown as Query).apply(this, args) as Promise<unknown> | undefined;
  const done = () => {
    const c = counts.get(k) ?? { n: 0, ms: 0 };
    c.n++;
    c.ms += performance.now() - t;
    counts.set(k, c);
  };
  if (r && typeof r.then === 'function') r.then(done, done);
  return r;
};
const { randomBytes } = await import('node:crypto');
const { loadConfig } = await import('../src/config/config.ts');
const { createServices } = await import('../src/core/services.ts');
const { openStorage, migrateToLatest } = await import('../src/storage/database.ts');
const { ensureDemo } = await import('../src/demo/ensure.ts');
const { postComment } = await import('../src/comments/posting.usecases.ts');
const { storyForEmbed } = await import('../src/comments/stories.usecases.ts');
const { newId } = await import('../src/shared/ids.ts');
const { createPasswordHasher } = await import('../src/accounts/passwords.ts');
const engine = process.env.ENGINE ?? 'postgres';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `parley_profile_${randomBytes(3).toString('hex')}`;
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'warn',
  PARLEY_DATA_DIR: `/tmp/parley-post-profile-${schema}`,
  PARLEY_COMMENTS_PER_MINUTE: '1000000',
  DATABASE_URL: engine === 'postgres' ? url : '',
});
const storage = await openStorage({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  ...(engine === 'postgres' ? { pgSchema: schema } : {}),
});
await migrateToLatest(storage);
const services = await createServices(config, {
  storage,
  passwords: createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
});
await ensureDemo(storage, config);
const site = (await services.sitesRepository.get('demo'))!;
const { readPolicy, savePolicy } = await import('../src/guidelines/guidelines.usecases.ts');
await savePolicy(services, {
  siteId: site.id,
  baseVersion: (await readPolicy(services, site.id)).version,
  changes: { spam: { floodPerTenMinutes: 1_000_000 } },
  by: 'bench',
});
const ids: string[] = [];
for (let i = 0; i < 50; i++) {
  const id = newId();
  await services.usersRepository.insert({
    id,
    siteId: 'demo',
    email: `u${i}@x.example`,
    emailVerified: true,
    displayName: `U ${i}`,
    passwordHash: null,
    createdAt: new Date().toISOString(),
  });
  ids.push(id);
}
const users = await Promise.all(ids.map((id) => services.usersRepository.get(id)));
const stories: Awaited<ReturnType<typeof storyForEmbed>>[] = [];
for (let i = 0; i < 5; i++)
  stories.push(
    await storyForEmbed(services, { site, storyId: `s${i}`, url: `https://b.example/${i}`, title: `S ${i}` }),
  );
for (let i = 0; i < 20; i++)
  await postComment(services, {
    site,
    user: users[i % 50]!,
    storyId: stories[i % 5]!.id,
    body: `warm ${i} a civil point about the story.`,
  });
await new Promise((r) => setTimeout(r, 200));
on = true;
const N = Number(process.env.N ?? 100);
const t0 = performance.now();
for (let i = 0; i < N; i++)
  await postComment(services, {
    site,
    user: users[i % 50]!,
    storyId: stories[i % 5]!.id,
    body: `Benchmark comment number ${i} makes a complete and civil point about the story.`,
  });
const el = performance.now() - t0;
await new Promise((r) => setTimeout(r, 500));
on = false;
const C = Number(process.env.CONCURRENCY ?? 50);
const M = Number(process.env.M ?? 2000);
let next = 0;
const t1 = performance.now();
await Promise.all(
  Array.from({ length: C }, async () => {
    while (next < M) {
      const i = next++;
      await postComment(services, {
        site,
        user: users[i % 50]!,
        storyId: stories[i % 5]!.id,
        body: `Concurrent comment number ${i} makes a complete and civil point about the story.`,
      });
    }
  }),
);
const concurrent = M / ((performance.now() - t1) / 1000);
// the notifications after the answers finish before the database closes
await new Promise((r) => setTimeout(r, 3000));
let total = 0;
for (const [k, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
  total += c.n;
  console.log((c.n / N).toFixed(2).padStart(6), (c.ms / c.n).toFixed(2).padStart(6), 'ms', k);
}
console.log(
  `${engine}: ${engine === 'postgres' ? `${(total / N).toFixed(1)} statements per post; ` : ''}${(el / N).toFixed(2)} ms a post one at a time; ${concurrent.toFixed(0)} posts/s with ${C} in flight`,
);
await storage.close();
if (engine === 'postgres') {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema ${schema} cascade`);
  await c.end();
}
process.exit(0);
