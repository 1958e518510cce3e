import { BOS, charGrams, EOS, fmix, mix2, NS, strHash } from './hashing.ts';
import type { Token } from './tokens.ts';

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  bigrams: boolean;
}
export const DEFAULT_FEATURES: FeatureConfig = { charMin: 2, charMax: 5, bigrams: true };

/** Document features (unbucketed 32-bit hashes; repeats kept). */
export function docFeatures(toks: Token[], cfg: FeatureConfig = DEFAULT_FEATURES): number[] {
  const out: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    out.push(mix2(t.h, NS.word));
    if (cfg.bigrams && i > 0) out.push(mix2(mix2(toks[i - 1]!.h, t.h), NS.bigram));
    charGrams(t.norm, cfg.charMin, cfg.charMax, out);
  }
  return out;
}

const YOU = new Set([
  'you',
  'your',
  "you're",
  'youre',
  'yourself',
  'yourselves',
  'u',
  'ur',
  'ya',
  'thou',
  'yours',
  "you've",
  "you'll",
  "you'd",
]);
const COPULA = new Set([
  'is',
  'are',
  'was',
  'were',
  "he's",
  "she's",
  "you're",
  "they're",
  "it's",
  'be',
  'being',
  'been',
  "i'm",
  'am',
]);
export const youHash = new Set([...YOU].map((w) => strHash(w, 0x9747b28c)));
export const copulaHash = new Set([...COPULA].map((w) => strHash(w, 0x9747b28c)));

/** Word clusters (learned from the data sets' text): hash of norm → cluster id + 1; optional. */
export type Clusters = Map<number, number>;
/** Word lexicon: hash of norm → bin (1..) of the word's abusive log-odds in other corpora's labelled comments; optional. */
export type Lexicon = Map<number, number>;

/** Features of token i for the tagger (unbucketed). */
export function tokenFeatures(
  toks: Token[],
  i: number,
  clusters: Clusters | undefined,
  out: number[],
  lexicon?: Lexicon,
): void {
  const t = toks[i]!;
  const hp1 = i > 0 ? toks[i - 1]!.h : BOS,
    hp2 = i > 1 ? toks[i - 2]!.h : BOS;
  const hn1 = i + 1 < toks.length ? toks[i + 1]!.h : EOS,
    hn2 = i + 2 < toks.length ? toks[i + 2]!.h : EOS;
  out.push(fmix(NS.tBias));
  out.push(mix2(t.h, NS.tWord));
  charGrams(t.norm, 2, 5, out);
  out.push(mix2(hp1, NS.tP1), mix2(hn1, NS.tN1), mix2(hp2, NS.tP2), mix2(hn2, NS.tN2));
  out.push(mix2(mix2(hp1, t.h), NS.tPB), mix2(mix2(t.h, hn1), NS.tNB), mix2(mix2(mix2(hp1, t.h), hn1), NS.tTri));
  if (t.caps) out.push(mix2(1, NS.tShape));
  if (t.norm.includes('*')) out.push(mix2(2, NS.tShape));
  let you = false,
    cop = false;
  for (let k = Math.max(0, i - 4); k < i; k++) {
    if (youHash.has(toks[k]!.h)) you = true;
    if (copulaHash.has(toks[k]!.h)) cop = true;
  }
  if (you) {
    out.push(mix2(3, NS.tShape), mix2(t.h, NS.tYou));
  }
  if (cop) out.push(mix2(t.h, NS.tCopula));
  if (lexicon) {
    const b = lexicon.get(t.h) ?? 0;
    out.push(
      mix2(b, NS.tLex),
      mix2(i > 0 ? (lexicon.get(hp1) ?? 0) : 99, NS.tLexP1),
      mix2(i + 1 < toks.length ? (lexicon.get(hn1) ?? 0) : 99, NS.tLexN1),
    );
    if (you) out.push(mix2(b, NS.tLexYou));
  }
  if (clusters) {
    const c = clusters.get(t.h) ?? 0,
      cp1 = i > 0 ? (clusters.get(hp1) ?? 0) : 1 << 20,
      cn1 = i + 1 < toks.length ? (clusters.get(hn1) ?? 0) : 1 << 21;
    const cp2 = i > 1 ? (clusters.get(hp2) ?? 0) : 1 << 20,
      cn2 = i + 2 < toks.length ? (clusters.get(hn2) ?? 0) : 1 << 21;
    out.push(mix2(c, NS.tCluster), mix2(cp1, NS.tCP1), mix2(cn1, NS.tCN1), mix2(cp2, NS.tCP2), mix2(cn2, NS.tCN2));
    out.push(mix2(mix2(c, cn1), NS.tCN1 + 100), mix2(mix2(cp1, c), NS.tCP1 + 100), mix2(mix2(t.h, cn1), NS.tCN1 + 200));
  }
}
