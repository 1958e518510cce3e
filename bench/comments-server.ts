// The server half of bench:comments. Seeds realistic threads, makes readers
// with bearer tokens for the posting load, and adds baseline routes on the
// same Fastify instance that return fixed bodies of the measured sizes.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createPasswordHasher } from '../src/accounts/passwords.ts';
import { postComment } from '../src/comments/posting.usecases.ts';
import { storyForArticle, storyForEmbed } from '../src/comments/stories.usecases.ts';
import { loadConfig } from '../src/config/config.ts';
import { createServices } from '../src/core/services.ts';
import { ensureDemo } from '../src/demo/ensure.ts';
import { readPolicy, savePolicy } from '../src/guidelines/guidelines.usecases.ts';
import { buildApp } from '../src/http/app.ts';
import { newId } from '../src/shared/ids.ts';
import { migrateToLatest, openStorage } from '../src/storage/database.ts';

const port = Number(process.env.PORT ?? 8092);
const engine = process.env.BENCH_ENGINE ?? 'sqlite';
const pgUrl = process.env.PARLEY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `parley_bench_${randomBytes(4).toString('hex')}`;
const env = {
  ...process.env,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), 'parley-bench-')),
  // the benchmark measures the server, not the per-reader flood limit
  PARLEY_COMMENTS_PER_MINUTE: '1000000',
  DATABASE_URL: engine === 'postgres' ? pgUrl : '',
};
const config = loadConfig(env);
const storage = await openStorage({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  ...(engine === 'postgres' ? { pgSchema: schema } : {}),
});
await migrateToLatest(storage);
const baselines = new Map<string, string>();
const writerIds: string[] = [];
const services = await createServices(config, {
  storage,
  passwords: createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
});
const app = await buildApp(services, {
  extraRoutes: (a) => {
    a.get('/__baseline/:name', async (request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(baselines.get((request.params as { name: string }).name)),
    );
    // The bare baseline for posting: one INSERT of a comment row per request, on the same database.
    a.post('/__baseline/insert/:story', async (request, reply) => {
      const id = newId();
      const storyId = (request.params as { story: string }).story;
      const body = (request.body as { body: string }).body;
      await storage.db
        .insertInto('comments')
        .values({
          id,
          site_id: 'demo',
          story_id: storyId,
          parent_id: null,
          display_parent_id: null,
          root_id: id,
          depth: 0,
          author_id: writerIds[0]!,
          author_name: 'bench',
          body,
          body_html: `<p>${body}</p>`,
          status: 'published',
          status_reason: null,
          moderation: '{}',
          featured: 0,
          reaction_count: 0,
          reply_count: 0,
          content_hash: id,
          idempotency_key: null,
          created_at: new Date().toISOString(),
          edited_at: null,
        } as never)
        .execute();
      return reply.code(201).header('content-type', 'application/json').send(baselines.get('post'));
    });
    a.post('/__baseline/:name', async (request, reply) =>
      reply
        .code(201)
        .header('content-type', 'application/json')
        .send(baselines.get((request.params as { name: string }).name)),
    );
  },
});
await ensureDemo(storage, config);
const site = (await app.services.sitesRepository.get('demo'))!;
// Every check runs on every post, but the flood rule: the bench's 200 readers
// post hundreds of comments a minute each, which a real site would hold.
await savePolicy(app.services, {
  siteId: site.id,
  baseVersion: (await readPolicy(app.services, site.id)).version,
  changes: { spam: { floodPerTenMinutes: 1_000_000 } },
  by: 'bench',
});
const now = new Date().toISOString();

async function makeUsers(n: number, prefix: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await app.services.usersRepository.insert({
      id,
      siteId: 'demo',
      email: `${prefix}${i}@bench.example`,
      emailVerified: true,
      displayName: `${prefix} ${i}`,
      passwordHash: null,
      createdAt: now,
    });
    ids.push(id);
  }
  return Promise.all(ids.map((id) => app.services.usersRepository.get(id).then((u) => u!)));
}

// Thread shapes: most comments top-level, a quarter replies to random earlier
// ones, and a few long back-and-forth chains.
async function fill(storyId: string, count: number, writers: Awaited<ReturnType<typeof makeUsers>>) {
  const made: string[] = [];
  let chain: string | null = null;
  for (let i = 0; i < count; i++) {
    const author = writers[i % writers.length]!;
    let parentId: string | null = null;
    const r = (i * 7919) % 100;
    if (made.length > 5 && r < 25) parentId = made[(i * 31) % made.length]!;
    else if (made.length > 5 && r < 32) parentId = chain ?? made[made.length - 1]!;
    // Each text its own (the spam rule holds the same text posted under several stories).
    const text = `Comment ${i} on story ${storyId.slice(-8)}: the negotiators should publish the quota figures before the next round.${i % 3 ? ' I also think the patrol costs deserve a public debate.' : ''}`;
    const { comment } = await postComment(app.services, { site, user: author, storyId, parentId, body: text });
    made.push(comment.id);
    if (r >= 25 && r < 32) chain = comment.id;
  }
}

const writers = await makeUsers(200, 'writer');
writerIds.push(...writers.map((w) => w.id));
const big = await app.services.articlesRepository.getPublishedBySlug(
  'demo',
  'island-nations-agree-to-reopen-fisheries-talks',
);
const bigStory = await storyForArticle(app.services, {
  site,
  article: big!,
  url: `${site.baseUrl}/world/${big!.slug}`,
});
await fill(bigStory.id, 1000, writers);
const small: string[] = [];
for (let i = 0; i < 100; i++) {
  const s = await storyForEmbed(app.services, {
    site,
    storyId: `bench-${i}`,
    url: `https://blog.example/p/${i}`,
    title: `Bench story ${i}`,
  });
  small.push(s.id);
}
// The small stories fill side by side (posts arriving together commit together).
for (let i = 0; i < small.length; i += 20) await Promise.all(small.slice(i, i + 20).map((id) => fill(id, 50, writers)));

// Posting readers, each with a bearer token as the widget would hold. Two
// sets: 1,000 readers with sessions made directly (the old bench), and
// BENCH_READERS (5,000) signed on by publisher tokens through /api/auth/sso,
// as the side-by-side run does.
const posters = await makeUsers(1000, 'poster');
const tokens: string[] = [];
for (const u of posters) {
  const { session } = await app.services.sessions.create(u, { ip: '127.0.0.1', userAgent: 'bench' });
  tokens.push((await app.services.auth.bearerToken(session)).token);
}
const tokenFile = join(config.dataDir, 'tokens.txt');
writeFileSync(tokenFile, tokens.join('\n'));
const ssoSecret = randomBytes(32).toString('hex');
await app.services.ssoRepository.saveSettings({
  siteId: 'demo',
  algorithm: 'HS256',
  secret: ssoSecret,
  publicKey: null,
  jwksUrl: null,
  issuer: null,
  audience: 'bench',
  signOnOnly: false,
  loginUrl: null,
});
const ssoTokens: string[] = [];
const readers = Number(process.env.BENCH_READERS ?? 5000);
const iat = Math.floor(Date.now() / 1000);
async function signOn(i: number): Promise<string> {
  const token = await new SignJWT({
    sub: `reader-${i}`,
    jti: `bench-${i}`,
    email: `reader${i}@paper.example`,
    email_verified: true,
    name: `Reader ${i}`,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('bench')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(new TextEncoder().encode(ssoSecret));
  const res = await app.inject({ method: 'POST', url: '/api/auth/sso', payload: { token } });
  if (res.statusCode !== 200) throw new Error(`sign-on answered ${res.statusCode}: ${res.body}`);
  return res.json().bearer.token as string;
}
for (let i = 0; i < readers; i += 20)
  ssoTokens.push(...(await Promise.all(Array.from({ length: Math.min(20, readers - i) }, (_, k) => signOn(i + k)))));
writeFileSync(join(config.dataDir, 'sso-tokens.txt'), ssoTokens.join('\n'));
writeFileSync(join(config.dataDir, 'stories.txt'), small.join('\n'));

await app.listen({ port, host: '127.0.0.1' });
const sizes: Record<string, number> = {};
for (const [name, url] of Object.entries({
  thread: `/api/stories/${bigStory.id}/comments`,
  article: `/world/${big!.slug}`,
})) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  baselines.set(name, 'x'.repeat(Buffer.byteLength(body)));
  sizes[name] = Buffer.byteLength(body);
}
// A post's answer is about this size.
baselines.set('post', JSON.stringify({ comment: { id: 'x'.repeat(20), body: 'y'.repeat(900) } }));
sizes.post = Buffer.byteLength(baselines.get('post')!);
process.stdout.write(
  `ready ${JSON.stringify({ sizes, storyId: bigStory.id, articlePath: `/world/${big!.slug}`, dataDir: config.dataDir })}\n`,
);
process.on('SIGTERM', async () => {
  await app.close();
  await storage.close();
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
  process.exit(0);
});
