import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The fuzzer's values (src/http/fuzzing.ts): a seeded random source, hostile
// strings, and values made from JSON schemas and past them.

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

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;
export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema, read loosely: every field is checked as it is used
export type Schema = Record<string, any>;

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

export function randomText(rng: Rng, ctx: FuzzContext, max = 80): string {
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

export function fromSchema(rng: Rng, ctx: FuzzContext, schema: Schema | undefined, depth = 0): unknown {
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

export function randomValue(rng: Rng, ctx: FuzzContext, depth = 0): unknown {
  const r = rng();
  if (r < 0.35 || depth > 4) return randomText(rng, ctx);
  if (r < 0.5) return pick(rng, [0, -1, 1, 1.5, 2 ** 63, Number.MAX_SAFE_INTEGER, -0]);
  if (r < 0.6) return pick(rng, [true, false, null]);
  if (r < 0.8) return Array.from({ length: int(rng, 0, 4) }, () => randomValue(rng, ctx, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = int(rng, 0, 4); i > 0; i--) out[randomText(rng, ctx, 12)] = randomValue(rng, ctx, depth + 1);
  return out;
}
