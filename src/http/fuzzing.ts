import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { InjectOptions } from 'fastify';
import type { App } from './app.ts';
import { createTestUser, DEMO_ARTICLE_PATH, demoArticleStoryId, signedInReader } from './testing.ts';

// The fuzzer behind src/http/fuzz.test.ts and `npm run bench:fuzz`: requests
// made from the OpenAPI document (schemas of bodies, queries and paths), the
// forms of the pages and well past both (wrong types, sizes, encodings,
// content types, headers, identities), sent to every route of a whole app.
// Every answer must be a 2xx/3xx/4xx, and an error must have the catalogue's
// shape. Seeded: a seed and a count give the same requests again.

export type Rng = () => number;

/** mulberry32: small, fast and seedable. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema, read loosely: every field is checked as it is used
type Schema = Record<string, any>;

export interface FuzzTarget {
  method: string;
  /** with :name for each parameter */
  path: string;
  params: string[];
  query?: Schema;
  body?: Schema;
  /** field names of the forms that post here, read from the pages */
  fields?: string[];
  stream?: boolean;
}

export interface FuzzContext {
  ids: string[];
  identities: { name: string; headers: Record<string, string> }[];
  words: string[];
}

export interface FuzzProblem {
  kind: '5xx' | 'crash' | 'shape' | 'hang';
  status?: number;
  request: { method: string; url: string; headers: Record<string, string>; payload?: string };
  answer?: string;
}

export interface FuzzFigures {
  requests: number;
  fiveXx: number;
  crashes: number;
  badShape: number;
  hangs: number;
  ms: number;
  byStatus: Record<string, number>;
  routes: number;
  /** how often the staff were signed out by a fuzzed request and signed in again */
  relogins: number;
  problems: FuzzProblem[];
}

// ---------------------------------------------------------------- strings

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufffe',
  '\u202e\u2066',
  '\u200b\ufeff',
  '😀👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  'मौसम समाचार',
  '日本語のテキスト',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '9007199254740993',
  '-0',
  '0x10',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%',
  '%zz',
  '%ff%fe',
  '%E0%A4%A',
  '%c0%af',
  '//evil.example',
  '/\t/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" onmouseover="alert(1)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '$' + '{7*7}',
  '\\',
  '\\u0000',
  '*',
  '?',
  '#',
  '&',
  '=',
  '+',
  ';',
  ',',
  'a@b',
  'reader@example.org',
  'admin@example.org',
  'x'.repeat(41),
  'x'.repeat(201),
  'x'.repeat(501),
  'x'.repeat(5001),
  'é'.repeat(2000),
];

/** Lines of the hostile lists beside the project (XSS, BLNS, SQL injection), when they are there. */
export function hostileStrings(limit = 2000): string[] {
  const roots = [
    process.env.PARLEY_HOSTILE_DIR,
    new URL('../../../shared/datasets/hostile/', import.meta.url).pathname,
    new URL('../../../../shared/datasets/hostile/', import.meta.url).pathname,
  ].filter((r): r is string => !!r && existsSync(r));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith('.txt'))
        for (const line of readFileSync(path, 'utf8').split('\n'))
          if (line && !line.startsWith('#') && out.length < limit) out.push(line);
    }
  };
  if (roots[0]) walk(roots[0]);
  return out;
}

function randomText(rng: Rng, ctx: FuzzContext, max = 80): string {
  const r = rng();
  if (r < 0.3) return pick(rng, NASTY);
  if (r < 0.45 && ctx.words.length) return pick(rng, ctx.words);
  if (r < 0.6) return pick(rng, ctx.ids);
  if (r < 0.75) {
    // a sentence: enough to pass the comment guidelines now and then
    const words = ['The', 'council', 'agreed', 'to', 'reopen', 'talks', 'about', 'fisheries', 'this', 'week', 'and'];
    return `${Array.from({ length: int(rng, 3, 14) }, () => pick(rng, words)).join(' ')}.`;
  }
  // random code points, any plane
  const n = int(rng, 0, max);
  let s = '';
  for (let i = 0; i < n; i++) {
    const c = rng() < 0.7 ? int(rng, 0x20, 0x7e) : rng() < 0.5 ? int(rng, 0, 0xffff) : int(rng, 0x10000, 0x10ffff);
    s += String.fromCodePoint(c);
  }
  return s;
}

// ---------------------------------------------------------------- values from schemas

function fromSchema(rng: Rng, ctx: FuzzContext, schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return randomValue(rng, ctx, depth);
  // now and then anything at all, in place of what the schema says
  if (chance(rng, 0.08)) return randomValue(rng, ctx, depth);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return pick(rng, schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return fromSchema(rng, ctx, pick(rng, alternatives), depth);
  if (Array.isArray(schema.allOf)) return fromSchema(rng, ctx, Object.assign({}, ...schema.allOf), depth);
  const type = Array.isArray(schema.type) ? pick(rng, schema.type) : schema.type;
  switch (type) {
    case 'string': {
      const max = schema.maxLength ?? 200;
      const r = rng();
      if (r < 0.1) return 'x'.repeat(max + 1);
      if (r < 0.15 && schema.minLength) return 'x'.repeat(schema.minLength - 1);
      if (schema.format === 'email' || /email/i.test(schema.description ?? ''))
        return `r${int(rng, 0, 99)}@example.org`;
      const s = randomText(rng, ctx, Math.min(max, 200));
      return chance(rng, 0.8) ? s.slice(0, max) : s;
    }
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? -10;
      const hi = schema.maximum ?? 1000;
      const r = rng();
      if (r < 0.6) return int(rng, lo, Math.min(hi, lo + 1000));
      return pick(rng, [lo - 1, hi + 1, 0, -1, 2 ** 53, -(2 ** 31), 1.5, 1e308]);
    }
    case 'boolean':
      return chance(rng, 0.9) ? chance(rng, 0.5) : pick(rng, ['true', 1, 'yes', null]);
    case 'null':
      return null;
    case 'array': {
      const n = chance(rng, 0.9) ? int(rng, 0, Math.min(schema.maxItems ?? 5, 5)) : int(rng, 0, 300);
      return Array.from({ length: n }, () => fromSchema(rng, ctx, schema.items, depth + 1));
    }
    default: {
      if (type !== 'object' && !schema.properties) return randomValue(rng, ctx, depth);
      const out: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) {
        if (required.has(key) ? chance(rng, 0.95) : chance(rng, 0.6)) out[key] = fromSchema(rng, ctx, sub, depth + 1);
      }
      if (chance(rng, 0.1)) out[randomText(rng, ctx, 10)] = randomValue(rng, ctx, depth + 1);
      if (chance(rng, 0.03)) Object.defineProperty(out, '__proto__', { value: { polluted: true }, enumerable: true });
      return out;
    }
  }
}

function randomValue(rng: Rng, ctx: FuzzContext, depth = 0): unknown {
  const r = rng();
  if (r < 0.35 || depth > 4) return randomText(rng, ctx);
  if (r < 0.5) return pick(rng, [0, -1, 1, 1.5, 2 ** 63, Number.MAX_SAFE_INTEGER, -0]);
  if (r < 0.6) return pick(rng, [true, false, null]);
  if (r < 0.8) return Array.from({ length: int(rng, 0, 4) }, () => randomValue(rng, ctx, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = int(rng, 0, 4); i > 0; i--) out[randomText(rng, ctx, 12)] = randomValue(rng, ctx, depth + 1);
  return out;
}

// ---------------------------------------------------------------- encodings

const enc = (s: string) => encodeURIComponent(s.toWellFormed());

function formEncode(value: unknown): string {
  if (value === null || typeof value !== 'object') return `value=${enc(String(value))}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value))
    for (const one of Array.isArray(v) ? v : [v])
      params.append(k, typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one));
  return params.toString();
}

function queryOf(rng: Rng, ctx: FuzzContext, schema: Schema | undefined): string {
  const value = (schema ? fromSchema(rng, ctx, schema) : {}) as Record<string, unknown>;
  let q = value && typeof value === 'object' ? formEncode(value) : '';
  const r = rng();
  if (r < 0.1) q += `&${pick(rng, ['%', '%zz', '%ff', 'a=%E0%A4', '%00=%00', '&&&', '=', 'a[b]=c', 'a=1&a=2'])}`;
  else if (r < 0.2) q += `&${enc(randomText(rng, ctx, 10))}=${enc(randomText(rng, ctx))}`;
  return q.replace(/^&+/, '');
}

function segmentOf(rng: Rng, ctx: FuzzContext): string {
  const r = rng();
  if (r < 0.45) return pick(rng, ctx.ids);
  if (r < 0.55) return pick(rng, ['%', '%zz', '%ff', '%00', '..', '.', '%2e%2e', '%2F', 'a%2Fb', '%E0%A4']);
  if (r < 0.6) return 'x'.repeat(pick(rng, [41, 301, 2000]));
  return enc(randomText(rng, ctx, 30));
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/plain; charset=utf-16',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'image/png',
  'image/svg+xml',
  'application/xml',
  'application/octet-stream',
  'application/json-patch+json',
  'text/html',
  '*/*',
  'garbage',
  ';;;',
  'application/',
];

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function bodyFor(
  rng: Rng,
  ctx: FuzzContext,
  target: FuzzTarget,
): { contentType?: string; payload?: string | Buffer } | undefined {
  const r = rng();
  const schemaBody = (): unknown =>
    target.body
      ? fromSchema(rng, ctx, target.body)
      : target.fields
        ? Object.fromEntries(target.fields.filter(() => chance(rng, 0.85)).map((f) => [f, randomText(rng, ctx)]))
        : randomValue(rng, ctx);
  if (r < 0.45) return { contentType: 'application/json', payload: JSON.stringify(schemaBody()) ?? 'null' };
  if (r < 0.65) return { contentType: 'application/x-www-form-urlencoded', payload: formEncode(schemaBody()) };
  if (r < 0.7) return undefined;
  if (r < 0.75) {
    // deep nesting
    const n = pick(rng, [40, 1000, 100_000]);
    return { contentType: 'application/json', payload: `${'['.repeat(n)}${']'.repeat(n)}` };
  }
  if (r < 0.8) {
    // truncated, broken or mis-typed JSON
    const text = JSON.stringify(schemaBody()) ?? '';
    return {
      contentType: pick(rng, CONTENT_TYPES),
      payload: pick(rng, [text.slice(0, int(rng, 0, text.length)), `${text}}`, '\ufeff{}', 'nul\u0000l', '']),
    };
  }
  if (r < 0.84) {
    // bytes that are not UTF-8
    const bytes = Buffer.from(Array.from({ length: int(rng, 1, 64) }, () => int(rng, 0, 255)));
    return { contentType: pick(rng, CONTENT_TYPES), payload: bytes };
  }
  if (r < 0.87) {
    const b = 'xyz';
    const parts = [
      `--${b}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${randomText(rng, ctx)}\r\n`,
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ];
    return {
      contentType: pick(rng, [`multipart/form-data; boundary=${b}`, 'multipart/form-data; boundary=other']),
      payload: Buffer.concat([
        Buffer.from(parts.join('')),
        chance(rng, 0.5) ? PNG_1x1 : Buffer.from(randomText(rng, ctx)),
        Buffer.from(chance(rng, 0.7) ? `\r\n--${b}--\r\n` : ''),
      ]),
    };
  }
  if (r < 0.9) return { contentType: pick(rng, ['image/png', 'image/jpeg', 'image/gif']), payload: PNG_1x1 };
  if (r < 0.92) return { contentType: pick(rng, CONTENT_TYPES), payload: 'x'.repeat(pick(rng, [70_000, 1_100_000])) };
  return { contentType: pick(rng, CONTENT_TYPES), payload: randomText(rng, ctx, 300) };
}

// ---------------------------------------------------------------- targets

/** Every route of the app (Fastify's own list), with the OpenAPI schemas where it has them. */
export function routesOf(app: App): FuzzTarget[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: { depth: number; path: string }[] = [];
  const targets: FuzzTarget[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│├└─]*?)(?:[├└]── )?(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]?.path ?? '';
    const segment = m[2]!;
    const path = parent.endsWith('/') && segment.startsWith('/') ? parent + segment.slice(1) : parent + segment;
    stack.push({ depth, path });
    if (!m[3]) continue;
    for (const method of m[3].split(', ')) {
      if (method === 'HEAD') continue;
      const params = [...path.matchAll(/:(\w+)|\*/g)].map((p) => p[1] ?? '*');
      targets.push({ method, path, params, stream: /\/events$/.test(path) });
    }
  }
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Schema>> };
  for (const [apiPath, ops] of Object.entries(doc.paths)) {
    const path = apiPath.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, op] of Object.entries(ops)) {
      const target = targets.find((t) => t.path === path && t.method === method.toUpperCase());
      if (!target) continue;
      const query = (op.parameters ?? []).filter((p: Schema) => p.in === 'query');
      if (query.length)
        target.query = {
          type: 'object',
          properties: Object.fromEntries(query.map((p: Schema) => [p.name, p.schema])),
          required: query.filter((p: Schema) => p.required).map((p: Schema) => p.name),
        };
      const content = op.requestBody?.content;
      if (content) target.body = (Object.values(content)[0] as { schema?: Schema } | undefined)?.schema;
    }
  }
  return targets;
}

/** The fields of the forms on the pages an admin sees, by where they post. */
export async function formFields(app: App, targets: FuzzTarget[], headers: Record<string, string>): Promise<void> {
  const byAction = new Map<string, Set<string>>();
  const pages = targets.filter((t) => t.method === 'GET' && !t.path.startsWith('/api/') && !t.stream);
  for (const t of pages) {
    const url = t.path.replace(/:\w+|\*/g, 'x');
    const res = await app.inject({ url, headers: { ...headers, accept: 'text/html' } });
    for (const form of res.body.matchAll(/<form[^>]*action="([^"?]+)[^"]*"[^>]*>([\s\S]*?)<\/form>/g)) {
      const names = byAction.get(form[1]!) ?? new Set<string>();
      for (const n of form[2]!.matchAll(/name="([^"]+)"/g)) names.add(n[1]!);
      byAction.set(form[1]!, names);
    }
  }
  for (const t of targets) {
    if (t.method === 'GET' || t.body) continue;
    const re = new RegExp(`^${t.path.replace(/:\w+/g, '[^/]+').replace('*', '.*')}$`);
    const fields = new Set<string>(['_csrf']);
    for (const [action, names] of byAction) if (re.test(action)) for (const n of names) fields.add(n);
    t.fields = [...fields];
  }
}

/** Readers, an editor and an admin, with cookies and CSRF headers; a bearer token; nobody. */
export async function fuzzContext(app: App): Promise<FuzzContext> {
  const storyId = await demoArticleStoryId(app);
  const admin = await signedInReader(app, 'fuzz-admin@example.org', 'Fuzz Admin', 'admin');
  const editor = await signedInReader(app, 'fuzz-editor@example.org', 'Fuzz Editor', 'editor');
  const reader = await signedInReader(app, 'fuzz-reader@example.org', 'Fuzz Reader');
  if (!(await app.services.usersRepository.getByEmail('demo', 'reader@example.org')))
    await createTestUser(app, { email: 'reader@example.org', name: 'Known Reader' });
  const posted = await reader.api(
    'POST',
    `/api/stories/${storyId}/comments`,
    { body: 'The council agreed to reopen the talks this week, which is good news.' },
    reader.h,
  );
  const token = (await reader.api('POST', '/api/auth/token', {}, reader.h)).json()?.bearer?.token;
  const article = await app.services.articlesRepository.getPublishedBySlug('demo', DEMO_ARTICLE_PATH.split('/').pop()!);
  const ids = [storyId, article?.id, posted.json()?.comment?.id, 'demo', 'idp', 'x', '0', 'world', '1'].filter(
    (x): x is string => typeof x === 'string',
  );
  const headersOf = (a: typeof admin) => ({ cookie: a.cookieHeader(), ...a.h });
  return {
    ids,
    words: hostileStrings(),
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

export function requestFor(rng: Rng, ctx: FuzzContext, target: FuzzTarget): InjectOptions & { url: string } {
  let path = target.path.replace(/:\w+/g, () => segmentOf(rng, ctx));
  path = path.replace('*', () => (chance(rng, 0.5) ? 'world/' : segmentOf(rng, ctx)));
  const query = chance(rng, 0.7) ? queryOf(rng, ctx, target.query) : '';
  const identity = pick(rng, ctx.identities);
  const headers: Record<string, string> = { ...identity.headers };
  headers.accept = pick(rng, ['application/json', 'text/html', '*/*', 'text/html,application/json', '']);
  if (chance(rng, 0.05)) headers.host = pick(rng, ['unknown.example', 'news.test:99999', '[::1]', 'xn--', '']);
  if (chance(rng, 0.05)) headers['x-csrf-token'] = randomText(rng, ctx, 40).replace(/[^\x20-\x7e]/g, '');
  if (chance(rng, 0.05)) headers['idempotency-key'] = randomText(rng, ctx, 120).replace(/[^\x20-\x7e]/g, '');
  if (chance(rng, 0.05)) headers['if-none-match'] = pick(rng, ['*', '"x"', 'W/"', '']);
  if (chance(rng, 0.05)) headers['accept-language'] = pick(rng, ['*', 'xx-YY;q=2', ';;', 'hi-IN,en;q=0.5']);
  if (chance(rng, 0.03)) headers.cookie = `${headers.cookie ?? ''}; parley_session=${enc(randomText(rng, ctx, 30))}`;
  if (chance(rng, 0.03))
    headers.authorization = pick(rng, ['Bearer', 'Bearer ', 'Basic eA==', `Bearer ${'a'.repeat(9000)}`]);
  const options: InjectOptions & { url: string } = {
    method: target.method as 'GET',
    url: query ? `${path}?${query}` : path,
    headers,
    remoteAddress: `198.51.${int(rng, 0, 255)}.${int(rng, 1, 254)}`,
  };
  if (target.method !== 'GET' || chance(rng, 0.05)) {
    const body = bodyFor(rng, ctx, target);
    if (body?.contentType) headers['content-type'] = body.contentType;
    if (body?.payload !== undefined) options.payload = body.payload;
  }
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  return options;
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
          ctx = await fuzzContext(app);
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
