import { type Clusters, docFeatures, type FeatureConfig, type Lexicon, tokenFeatures, youHash } from './features.ts';
import { bucketize, type Calibration, logit1, type Sparse, softmaxK } from './sparse.ts';
import { type Token, tokenizeRef } from './tokens.ts';

export const SPAN_TYPES = ['insult', 'threat', 'identity', 'profane', 'other'] as const;
export type SpanType = (typeof SPAN_TYPES)[number];
export interface Span {
  start: number;
  end: number;
  type: SpanType;
  score: number;
}

export interface Bands {
  refuse: number;
  hold: number;
}

export interface GuidelinesModel {
  version: 1;
  features: FeatureConfig;
  doc: Sparse;
  pdoc: Sparse;
  tagger: Sparse;
  clusters?: Clusters;
  lexicon?: Lexicon;
  /** meta models: dense weights over metaFeatures() (index 0 = bias) */
  abuseMeta: Float64Array;
  personalMeta: Float64Array;
  abuseCal: Calibration;
  personalCal: Calibration;
  /** product decoding (judge()); spansBenchmark: the decoding tuned for the SemEval metric (always marks a word) */
  spans: SpanDecoding;
  spansBenchmark: SpanDecoding;
  bands: { abuse: Bands; personal: Bands };
  meta: Record<string, unknown>;
}

export const META_NAMES = [
  'docLogit',
  'pdocLogit',
  'maxTox',
  'logSumTox',
  'maxInsult',
  'maxThreat',
  'maxIdentity',
  'maxProfane',
  'maxOther',
  'maxInsultYou',
  'youAny',
  'logLen',
  'nTox50',
] as const;

export interface Analysis {
  toks: Token[];
  /** per token, K+1 class probabilities (index 0 = none) */
  probs: Float64Array;
  meta: Float64Array;
  abuseLogit: number;
  personalLogit: number;
}

export const K1 = SPAN_TYPES.length + 1;

/** The sparse parts needed to analyse a text (the trainer passes fold models here). */
export interface Parts {
  features: FeatureConfig;
  doc: Sparse;
  pdoc: Sparse;
  tagger: Sparse;
  clusters?: Clusters | undefined;
  lexicon?: Lexicon | undefined;
}

/** Tagger probabilities per token (K+1 each, index 0 = none). */
export function tagProbs(parts: Parts, toks: Token[]): Float64Array {
  const probs = new Float64Array(toks.length * K1);
  const p = new Float64Array(K1);
  const buf: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    buf.length = 0;
    tokenFeatures(toks, i, parts.clusters, buf, parts.lexicon);
    softmaxK(parts.tagger, bucketize(buf, parts.tagger.buckets), p);
    probs.set(p, i * K1);
  }
  return probs;
}

/** Meta features from the two document logits and the tagger's token probabilities. */
export function metaFeatures(
  toks: Token[],
  docLogit: number,
  pdocLogit: number,
  probs: Float64Array,
  youFlags?: Uint8Array,
): Float64Array {
  const meta = new Float64Array(META_NAMES.length);
  const isYou = youFlags ?? Uint8Array.from(toks, (t) => (youHash.has(t.h) ? 1 : 0));
  let maxTox = 0,
    sumTox = 0,
    nTox = 0,
    maxInsultYou = 0,
    youAny = 0;
  const maxType = [0, 0, 0, 0, 0];
  for (let i = 0; i < toks.length; i++) {
    const b = i * K1;
    const tox = 1 - probs[b]!;
    if (tox > maxTox) maxTox = tox;
    sumTox += tox;
    if (tox >= 0.5) nTox++;
    for (let c = 0; c < 5; c++) if (probs[b + c + 1]! > maxType[c]!) maxType[c] = probs[b + c + 1]!;
    if (isYou[i]) youAny = 1;
    // an insult within 4 words before / 2 after "you"
    let near = false;
    for (let k = Math.max(0, i - 4); k <= Math.min(toks.length - 1, i + 2); k++) if (k !== i && isYou[k]) near = true;
    if (near && probs[b + 1]! > maxInsultYou) maxInsultYou = probs[b + 1]!;
  }
  meta[0] = docLogit;
  meta[1] = pdocLogit;
  meta[2] = maxTox;
  meta[3] = Math.log1p(sumTox);
  for (let c = 0; c < 5; c++) meta[4 + c] = maxType[c]!;
  meta[9] = maxInsultYou;
  meta[10] = youAny;
  meta[11] = Math.log1p(toks.length);
  meta[12] = Math.min(nTox, 5) / 5;
  return meta;
}

/** Reference analysis from the trainer's feature functions (slow, simple). analyseParts() must equal it. */
export function analysePartsRef(
  parts: Parts,
  text: string,
): { toks: Token[]; probs: Float64Array; meta: Float64Array } {
  const toks = tokenizeRef(text);
  const hashes = docFeatures(toks, parts.features);
  const docLogit = logit1(parts.doc, bucketize(hashes, parts.doc.buckets));
  const pdocLogit = logit1(parts.pdoc, bucketize(hashes, parts.pdoc.buckets));
  const probs = tagProbs(parts, toks);
  return { toks, probs, meta: metaFeatures(toks, docLogit, pdocLogit, probs) };
}

export interface SpanDecoding {
  /** a token is abusive when P(toxic) ≥ threshold and ≥ rel × the comment's highest P(toxic) */
  threshold: number;
  rel: number;
  /** when no token passes: the most likely token alone, if its P(toxic) ≥ fallback */
  fallback: number;
  /** no spans at all below this calibrated abuse probability */
  gate: number;
  /** multipliers of the five type probabilities when a span's type is chosen (rarer types up-weighted); default 1 */
  typeWeights?: number[];
}
