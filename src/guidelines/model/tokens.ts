import { strHash } from './hashing.ts';

export interface Token {
  /** offsets into the ORIGINAL text, end exclusive */
  start: number;
  end: number;
  /** normalised form: lower case, look-alike digits/symbols as letters, letters repeated 3+ times cut to 2 */
  norm: string;
  /** 32-bit hash of norm */
  h: number;
  caps: boolean;
}

// URLs, @mentions (Twitter's @USER too) are skipped; '#' of a hashtag is dropped by the word pattern.
// A word: letters/digits, with inner apostrophes/hyphens and look-alike symbols (* $ @ !) next to letters.
const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@\w+)|((?:[\p{L}\p{N}]|[*$@!](?=[\p{L}\p{N}*]))(?:[\p{L}\p{N}*]|['’\-$@!](?=[\p{L}\p{N}*]))*)/gu;
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const HAS_LETTER = /\p{L}/u;
const DIGITS_ONLY = /^[\p{N}$@!*'’-]+$/u;

export function normaliseWord(raw: string): string {
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (!HAS_LETTER.test(w)) return DIGITS_ONLY.test(w) ? '<num>' : w;
  w = w.replace(/[@$!013457](?=[\p{L}*])|(?<=[\p{L}*])[@$!013457]/gu, (c) => LEET[c] ?? c);
  w = w.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return w;
}

/** Reference tokenizer (regular expression); tokenize() is a faster scanner with identical output. */
export function tokenizeRef(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[3] === undefined) continue;
    const raw = m[3];
    if (raw === 'URL' || raw === 'RT' || raw === 'USER') continue;
    out.push(makeToken(raw, m.index));
  }
  return out;
}

function makeToken(raw: string, start: number): Token {
  const norm = normaliseFast(raw);
  let letters = 0,
    upper = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return {
    start,
    end: start + raw.length,
    norm,
    h: strHash(norm, 0x9747b28c),
    caps: letters >= 2 && upper === letters,
  };
}

/** normaliseWord() with a fast path for plain ASCII words. */
function normaliseFast(raw: string): string {
  let lower = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    if (c >= 65 && c <= 90) {
      lower = false;
      continue;
    }
    return normaliseWord(raw);
  }
  const w = lower ? raw : raw.toLowerCase();
  for (let i = 2; i < w.length; i++)
    if (w.charCodeAt(i) === w.charCodeAt(i - 1) && w.charCodeAt(i) === w.charCodeAt(i - 2)) return normaliseWord(raw);
  return w;
}

// character classes of the BMP: 1 letter (\p{L}), 2 number (\p{N})
const CLASS = new Uint8Array(65536);
{
  const L = /\p{L}/u,
    N = /\p{N}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) CLASS[c] = 1;
      else if (c >= 48 && c <= 57) CLASS[c] = 2;
      continue;
    }
    if (L.test(ch)) CLASS[c] = 1;
    else if (N.test(ch)) CLASS[c] = 2;
  }
}
const LD_ASTRAL = /^[\p{L}\p{N}]$/u;
/** Length in code units of the letter/digit code point at i, or 0. */
function ldAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return CLASS[c] ? 1 : 0;
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LD_ASTRAL.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return 0;
}
/** [\p{L}\p{N}*] at i: code-unit length or 0 */
const ldsAt = (s: string, i: number) => (s.charCodeAt(i) === 42 ? 1 : ldAt(s, i));
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Tokens with offsets into the original text (same output as tokenizeRef). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // URL: https?:// or www. followed by at least one non-space
    if (
      (c === 104 && (text.startsWith('http://', i) || text.startsWith('https://', i))) ||
      (c === 119 && text.startsWith('www.', i))
    ) {
      const from = i + (text.startsWith('https://', i) ? 8 : text.startsWith('http://', i) ? 7 : 4);
      if (from < n && !isSpace(text.charCodeAt(from))) {
        let j = from;
        while (j < n && !isSpace(text.charCodeAt(j))) j++;
        i = j;
        continue;
      }
    }
    // mention
    if (c === 64 && i + 1 < n && isAsciiWord(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isAsciiWord(text.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    // word
    let len = ldAt(text, i);
    if (len === 0 && (c === 42 || c === 36 || c === 64 || c === 33) && ldsAt(text, i + 1) > 0) len = 1;
    if (len > 0) {
      let j = i + len;
      for (;;) {
        const l = ldsAt(text, j);
        if (l > 0) {
          j += l;
          continue;
        }
        const d = text.charCodeAt(j);
        if ((d === 39 || d === 0x2019 || d === 45 || d === 36 || d === 64 || d === 33) && ldsAt(text, j + 1) > 0) {
          j += 1;
          continue;
        }
        break;
      }
      const raw = text.slice(i, j);
      if (raw !== 'URL' && raw !== 'RT' && raw !== 'USER') out.push(makeToken(raw, i));
      i = j;
      continue;
    }
    // next code point
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
  }
  return out;
}
