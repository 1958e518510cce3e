/** FNV-1a over UTF-16 code units, seeded. */
export function strHash(s: string, seed: number, from = 0, to = s.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
/** murmur3 finaliser: spreads bits so that the low bits are good bucket indices. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
export function mix2(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

// feature namespaces
export const NS = {
  word: 0x11,
  bigram: 0x12,
  char: 0x13,
  tWord: 0x21,
  tP1: 0x22,
  tN1: 0x23,
  tP2: 0x24,
  tN2: 0x25,
  tPB: 0x26,
  tNB: 0x27,
  tShape: 0x28,
  tYou: 0x29,
  tBias: 0x2a,
  tCopula: 0x2b,
  tTri: 0x2c,
  tLex: 0x2d,
  tLexP1: 0x2e,
  tLexN1: 0x2f,
  tLexYou: 0x3a,
  tCluster: 0x30,
  tCP1: 0x31,
  tCN1: 0x32,
  tCP2: 0x33,
  tCN2: 0x34,
} as const;
export const BOS = 0x5bd1e995;
export const EOS = 0x1b873593;

/** Ids of the character n-grams (n = minN..maxN) of ^norm$, pushed onto out. */
export function charGrams(norm: string, minN: number, maxN: number, out: number[] | Uint32Array, at = -1): number {
  const L = norm.length + 2;
  let k = at;
  for (let j = 0; j + minN <= L; j++) {
    let h = 0x811c9dc5 ^ NS.char;
    for (let n = 1; n <= maxN && j + n <= L; n++) {
      const q = j + n - 1;
      h ^= q === 0 ? 94 : q === L - 1 ? 36 : norm.charCodeAt(q - 1);
      h = Math.imul(h, 0x01000193);
      if (n >= minN) {
        const id = fmix((h ^ (n << 24)) >>> 0);
        if (k < 0) (out as number[]).push(id);
        else out[k++] = id;
      }
    }
  }
  return k;
}
