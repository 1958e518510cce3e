import { text } from 'node:stream/consumers';
import type { InjectOptions } from 'fastify';
import type { App } from './app.ts';
import {
  chance,
  type FuzzContext,
  type FuzzFigures,
  type FuzzProblem,
  hostileStrings,
  pick,
  rngOf,
} from './fuzz-inputs.ts';
import { formFields, requestFor, routesOf } from './fuzz-requests.ts';
import { createTestUser, DEMO_ARTICLE_PATH, demoArticleStoryId, signedInReader } from './testing.ts';

// The fuzzer behind src/http/fuzz.test.ts and `npm run bench:fuzz`: requests
// made from the OpenAPI document (schemas of bodies, queries and paths), the
// forms of the pages and well past both (wrong types, sizes, encodings,
// content types, headers, identities), sent to every route of a whole app.
// Every answer must be a 2xx/3xx/4xx, and an error must have the catalogue's
// shape. Seeded: a seed and a count give the same requests again.

export type { FuzzFigures, FuzzProblem } from './fuzz-inputs.ts';

/** Who sends the requests, and the ids they use; with `previous`, only signed in again (the fuzzing may have unpublished the article). */
export async function fuzzContext(app: App, previous?: FuzzContext): Promise<FuzzContext> {
  const storyId = previous ? undefined : await demoArticleStoryId(app);
  const admin = await signedInReader(app, 'fuzz-admin@example.org', 'Fuzz Admin', 'admin');
  const editor = await signedInReader(app, 'fuzz-editor@example.org', 'Fuzz Editor', 'editor');
  const reader = await signedInReader(app, 'fuzz-reader@example.org', 'Fuzz Reader');
  if (!(await app.services.usersRepository.getByEmail('demo', 'reader@example.org')))
    await createTestUser(app, { email: 'reader@example.org', name: 'Known Reader' });
  const posted = storyId
    ? await reader.api(
        'POST',
        `/api/stories/${storyId}/comments`,
        { body: 'The council agreed to reopen the talks this week, which is good news.' },
        reader.h,
      )
    : undefined;
  const token = (await reader.api('POST', '/api/auth/token', {}, reader.h)).json()?.bearer?.token;
  const article = await app.services.articlesRepository.getPublishedBySlug('demo', DEMO_ARTICLE_PATH.split('/').pop()!);
  const ids =
    previous?.ids ??
    [storyId, article?.id, posted?.json()?.comment?.id, 'demo', 'idp', 'x', '0', 'world', '1'].filter(
      (x): x is string => typeof x === 'string',
    );
  const headersOf = (a: typeof admin) => ({ cookie: a.cookieHeader(), ...a.h });
  return {
    ids,
    words: previous?.words ?? hostileStrings(),
    identities: [
      { name: 'nobody', headers: {} },
      { name: 'reader', headers: headersOf(reader) },
      { name: 'editor', headers: headersOf(editor) },
      { name: 'admin', headers: headersOf(admin) },
      { name: 'admin-no-csrf', headers: { cookie: admin.cookieHeader() } },
      ...(token ? [{ name: 'bearer', headers: { authorization: `Bearer ${token}` } }] : []),
      {
        name: 'forged',
        headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.', cookie: 'parley_session=forged' },
      },
    ],
  };
}

function shapeProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }): boolean {
  if (res.statusCode < 400) return false;
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    try {
      const e = JSON.parse(res.body)?.error;
      return !(typeof e?.code === 'string' && typeof e?.message === 'string');
    } catch {
      return true;
    }
  }
  if (type.startsWith('text/html')) return false;
  return true;
}

/** count requests against app; keeps the first `keep` problems of each kind. */
export async function runFuzz(
  app: App,
  options: { count: number; seed?: number; keep?: number; onProgress?: (done: number) => void },
): Promise<FuzzFigures> {
  const rng = rngOf(options.seed ?? 1);
  let ctx = await fuzzContext(app);
  const targets = routesOf(app);
  await formFields(app, targets, ctx.identities[3]!.headers);
  const figures: FuzzFigures = {
    requests: 0,
    fiveXx: 0,
    crashes: 0,
    badShape: 0,
    hangs: 0,
    ms: 0,
    byStatus: {},
    routes: targets.length,
    relogins: 0,
    problems: [],
  };
  const keep = options.keep ?? 50;
  const kept: Record<string, number> = {};
  const note = (p: FuzzProblem) => {
    kept[p.kind] = (kept[p.kind] ?? 0) + 1;
    if (kept[p.kind]! <= keep) figures.problems.push(p);
  };
  const onCrash = (err: unknown) => {
    figures.crashes++;
    note({
      kind: 'crash',
      request: { method: '', url: '', headers: {} },
      answer: String((err as Error)?.stack ?? err),
    });
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const started = performance.now();
  try {
    for (let i = 0; i < options.count; i++) {
      // the streams of events now and then only: each holds a subscription open
      let target = pick(rng, targets);
      if (target.stream && chance(rng, 0.9)) target = pick(rng, targets);
      const req = requestFor(rng, ctx, target);
      const shown = {
        method: String(req.method),
        url: req.url,
        headers: req.headers as Record<string, string>,
        ...(req.payload !== undefined ? { payload: String(req.payload).slice(0, 500) } : {}),
      };
      figures.requests++;
      let timer: NodeJS.Timeout | undefined;
      try {
        const res = await Promise.race([
          app.inject({ ...req, ...(target.stream ? { payloadAsStream: true } : {}) } as InjectOptions),
          new Promise<'hang'>((resolve) => {
            timer = setTimeout(() => resolve('hang'), 10_000);
          }),
        ]);
        if (res === 'hang') {
          figures.hangs++;
          note({ kind: 'hang', request: shown });
          continue;
        }
        const streamed = target.stream && res.statusCode < 400;
        if (streamed) res.stream().destroy();
        const body = streamed ? '' : target.stream ? await text(res.stream()) : res.body;
        figures.byStatus[res.statusCode] = (figures.byStatus[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500) {
          figures.fiveXx++;
          note({ kind: '5xx', status: res.statusCode, request: shown, answer: body.slice(0, 300) });
        } else if (!streamed && shapeProblem({ statusCode: res.statusCode, headers: res.headers, body })) {
          figures.badShape++;
          note({ kind: 'shape', status: res.statusCode, request: shown, answer: body.slice(0, 300) });
        }
      } catch (err) {
        onCrash(err);
      } finally {
        clearTimeout(timer);
      }
      if (i % 1000 === 999) {
        options.onProgress?.(i + 1);
        // a fuzzed request may have logged the staff out (or ended every session): sign in again
        const me = await app.inject({ url: '/api/me', headers: ctx.identities[3]!.headers });
        if (me.statusCode !== 200) {
          figures.relogins++;
          ctx = await fuzzContext(app, ctx);
        }
      }
    }
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  figures.ms = Math.round(performance.now() - started);
  return figures;
}
