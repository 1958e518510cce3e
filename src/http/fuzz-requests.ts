import type { InjectOptions } from 'fastify';
import type { App } from './app.ts';
import {
  chance,
  type FuzzContext,
  type FuzzTarget,
  fromSchema,
  int,
  pick,
  type Rng,
  randomText,
  randomValue,
  type Schema,
} from './fuzz-inputs.ts';

// The fuzzer's requests: the routes and their schemas, and requests made for
// them (paths, queries, bodies in every encoding, headers, identities).

// ---------------------------------------------------------------- encodings

export const enc = (s: string) => encodeURIComponent(s.toWellFormed());

export function formEncode(value: unknown): string {
  if (value === null || typeof value !== 'object') return `value=${enc(String(value))}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value))
    for (const one of Array.isArray(v) ? v : [v])
      params.append(k, typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one));
  return params.toString();
}

export function queryOf(rng: Rng, ctx: FuzzContext, schema: Schema | undefined): string {
  const value = (schema ? fromSchema(rng, ctx, schema) : {}) as Record<string, unknown>;
  let q = value && typeof value === 'object' ? formEncode(value) : '';
  const r = rng();
  if (r < 0.1) q += `&${pick(rng, ['%', '%zz', '%ff', 'a=%E0%A4', '%00=%00', '&&&', '=', 'a[b]=c', 'a=1&a=2'])}`;
  else if (r < 0.2) q += `&${enc(randomText(rng, ctx, 10))}=${enc(randomText(rng, ctx))}`;
  return q.replace(/^&+/, '');
}

export function segmentOf(rng: Rng, ctx: FuzzContext): string {
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

export function bodyFor(
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
