import { createHash } from 'node:crypto';
import { type GuidelinesModel, K1, type Parts } from '../../src/guidelines/model/analyse.ts';
import { analyseParts } from '../../src/guidelines/model/analyse-fast.ts';
import { DEFAULT_FEATURES, docFeatures, type Lexicon, tokenFeatures } from '../../src/guidelines/model/features.ts';
import { bucketize, denseLogit, newSparse, type Sparse } from '../../src/guidelines/model/sparse.ts';
import { type Token, tokenize } from '../../src/guidelines/model/tokens.ts';
import {
  type Example,
  type MultiExample,
  type SgdOptions,
  trainBinary,
  trainDense,
  trainSoftmax,
} from '../../src/guidelines/model/train.ts';
import { chooseBands, chooseDecoding, fitPlatt } from './choose.ts';
import type { Corpus, Doc, SetName, TagPost } from './data.ts';

// The whole model from a corpus: document models, tagger, meta models over out-of-fold meta features,
// Platt calibration, span decoding and bands chosen on the dev splits. Deterministic: no randomness but
// the trainers' fixed seeds; folds by a hash of the text.

export interface TrainOptions {
  folds: number;
  setWeights: Partial<Record<SetName, number>>;
  personalWeights: Partial<Record<SetName, number>>;
  docOpts: SgdOptions;
  tagOpts: SgdOptions;
  calibrationSets: SetName[];
  /** sets of ordinary comments: their clean training documents also teach the tagger "no abusive word here" (with
   * this weight), their clean dev comments set the hold band */
  cleanTagSets: SetName[];
  cleanTagWeight: number;
  buckets: { doc: number; pdoc: number; tagger: number };
  metaL2: number;
  /** lexicon: words seen in at least `min` documents, bins of `width` in log-odds */
  lexicon: { min: number; width: number };
  /** weigh the classes of each set equally (else, the default, at the set's natural rate: better OLID and span figures) */
  balance: boolean;
  /** share of clean dev comments the hold band may catch */
  holdCleanShare: number;
  log?: (s: string) => void;
}

/** What the shipped model's header records, and the sizes of its arrays. */
export const DEFAULT_OPTIONS: TrainOptions = {
  folds: 5,
  setWeights: { olid: 1, davidson: 0.2, tsd: 1, fox: 2, convabuse: 0.5, stormfront: 0.5, ethos: 1 },
  personalWeights: { olid: 1, davidson: 0.1, tsd: 0.5, fox: 0.5, convabuse: 0.5, stormfront: 0.2, ethos: 1 },
  docOpts: { epochs: 4, rate: 0.05, l2: 1e-6 },
  tagOpts: { epochs: 4, rate: 0.1, l2: 1e-6 },
  calibrationSets: ['olid', 'tsd', 'fox', 'convabuse', 'stormfront', 'ethos'],
  cleanTagSets: ['olid', 'fox', 'convabuse', 'stormfront', 'ethos'],
  cleanTagWeight: 0.3,
  buckets: { doc: 1 << 19, pdoc: 1 << 18, tagger: 1 << 18 },
  metaL2: 1e-3,
  lexicon: { min: 5, width: 0.75 },
  balance: false,
  holdCleanShare: 0.015,
};

export const foldOf = (text: string, folds: number) => createHash('sha1').update(text).digest()[1]! % folds;

/** Per word (hash of norm), its bin 1..11 of abusive log-odds over labelled documents (seen in ≥ min of them). */
export function buildLexicon(docs: Doc[], min = 5, width = 0.75): Lexicon {
  const pos = new Map<number, number>(),
    neg = new Map<number, number>();
  let np = 0,
    nn = 0;
  for (const d of docs) {
    const seen = new Set(tokenize(d.text).map((t) => t.h));
    const m = d.abusive ? pos : neg;
    for (const h of seen) m.set(h, (m.get(h) ?? 0) + 1);
    if (d.abusive) np++;
    else nn++;
  }
  const lex: Lexicon = new Map();
  for (const h of new Set([...pos.keys(), ...neg.keys()])) {
    const a = pos.get(h) ?? 0,
      b = neg.get(h) ?? 0;
    if (a + b < min) continue;
    const lo = Math.log((a + 0.5) / (np + 1)) - Math.log((b + 0.5) / (nn + 1));
    lex.set(h, Math.max(1, Math.min(11, Math.floor(lo / width) + 6)));
  }
  return lex;
}

/** Tagger target of each token: the raters' mean share per type over its characters (max), the rest "none". */
export function tokenTargets(toks: Token[], post: TagPost): Float32Array[] {
  return toks.map((t) => {
    const out = new Float32Array(K1);
    for (let c = 0; c < 5; c++) {
      let v = 0;
      for (let i = t.start; i < t.end; i++) v = Math.max(v, post.votes[i * 5 + c]!);
      out[c + 1] = v;
    }
    let s = 0;
    for (let c = 1; c < K1; c++) s += out[c]!;
    if (s > 1) for (let c = 1; c < K1; c++) out[c] = out[c]! / s;
    out[0] = Math.max(0, 1 - Math.min(1, s));
    return out;
  });
}

interface TagItem {
  fold: number;
  ex: MultiExample[];
}

function tagData(corpus: Corpus, o: TrainOptions, lexicon: Lexicon): TagItem[] {
  const items: TagItem[] = [];
  const feats = (toks: Token[], i: number) => {
    const buf: number[] = [];
    tokenFeatures(toks, i, undefined, buf, lexicon);
    return bucketize(buf, o.buckets.tagger);
  };
  for (const p of corpus.posts) {
    if (p.split !== 'train') continue;
    const toks = tokenize(p.text);
    const t = tokenTargets(toks, p);
    items.push({ fold: foldOf(p.text, o.folds), ex: toks.map((_, i) => ({ f: feats(toks, i), t: t[i]!, w: 1 })) });
  }
  const none = new Float32Array(K1);
  none[0] = 1;
  for (const d of corpus.docs) {
    if (d.split !== 'train' || d.abusive || !o.cleanTagSets.includes(d.set)) continue;
    const toks = tokenize(d.text);
    items.push({
      fold: foldOf(d.text, o.folds),
      ex: toks.map((_, i) => ({ f: feats(toks, i), t: none, w: o.cleanTagWeight })),
    });
  }
  return items;
}

interface DocItem {
  doc: Doc;
  fold: number;
  ids: Int32Array;
  wa: number;
  wp: number;
}

/** Class-balanced within each set, times the set's weight. */
function weigh(
  docs: Doc[],
  label: (d: Doc) => 0 | 1 | undefined,
  weights: Partial<Record<SetName, number>>,
  balance: boolean,
) {
  const n = new Map<string, number>();
  for (const d of docs) {
    const y = label(d);
    if (y !== undefined) n.set(`${d.set}${y}`, (n.get(`${d.set}${y}`) ?? 0) + 1);
  }
  return (d: Doc) => {
    const y = label(d);
    if (y === undefined) return 0;
    if (!balance) return weights[d.set] ?? 0;
    const ny = n.get(`${d.set}${y}`)!,
      no = n.get(`${d.set}${1 - y}`) ?? 0;
    return ((weights[d.set] ?? 0) * (ny + no)) / (2 * ny);
  };
}

function fitParts(docs: DocItem[], tags: TagItem[], o: TrainOptions, lexicon: Lexicon, keep: (f: number) => boolean) {
  const doc = newSparse(o.buckets.doc, 1),
    pdoc = newSparse(o.buckets.pdoc, 1),
    tagger = newSparse(o.buckets.tagger, 5);
  const mask = o.buckets.pdoc - 1;
  const dd: Example[] = [],
    pd: Example[] = [];
  for (const d of docs) {
    if (!keep(d.fold)) continue;
    if (d.wa > 0) dd.push({ f: d.ids, y: d.doc.abusive, w: d.wa });
    if (d.wp > 0) pd.push({ f: d.ids.map((i) => i & mask), y: d.doc.personal!, w: d.wp });
  }
  trainBinary(doc, dd, o.docOpts);
  trainBinary(pdoc, pd, o.docOpts);
  trainSoftmax(
    tagger,
    tags.filter((t) => keep(t.fold)).flatMap((t) => t.ex),
    o.tagOpts,
  );
  const parts: Parts = { features: DEFAULT_FEATURES, doc, pdoc, tagger, lexicon };
  return parts;
}

export interface Trained {
  model: GuidelinesModel;
  /** calibrated dev probabilities, for the report */
  dev: { doc: Doc; abuse: number; personal: number }[];
}

export function trainModel(
  corpus: Corpus,
  o: TrainOptions = DEFAULT_OPTIONS,
  meta: Record<string, unknown> = {},
): Trained {
  const log = o.log ?? (() => {});
  const train = corpus.docs.filter((d) => d.split === 'train');
  const lexicon = buildLexicon(
    train.filter((d) => d.set !== 'tsd'),
    o.lexicon.min,
    o.lexicon.width,
  );
  const wa = weigh(train, (d) => d.abusive, o.setWeights, o.balance),
    wp = weigh(train, (d) => d.personal, o.personalWeights, o.balance);
  const docs: DocItem[] = train.map((d) => ({
    doc: d,
    fold: foldOf(d.text, o.folds),
    ids: bucketize(docFeatures(tokenize(d.text), DEFAULT_FEATURES), o.buckets.doc),
    wa: wa(d),
    wp: wp(d),
  }));
  const tags = tagData(corpus, o, lexicon);
  log(
    `${docs.length} training documents, ${tags.reduce((s, t) => s + t.ex.length, 0)} tagger tokens, ${lexicon.size} lexicon words`,
  );
  // out-of-fold meta features: each training document analysed by parts that did not see it
  const metas: Float64Array[] = new Array(docs.length);
  for (let k = 0; k < o.folds; k++) {
    const parts = fitParts(docs, tags, o, lexicon, (f) => f !== k);
    docs.forEach((d, i) => {
      if (d.fold === k) metas[i] = analyseParts(parts, d.doc.text).meta;
    });
    log(`fold ${k + 1}/${o.folds} done`);
  }
  const parts = fitParts(docs, tags, o, lexicon, () => true);
  const fitMeta = (w: (d: DocItem) => number, y: (d: DocItem) => number) => {
    const idx = docs.map((d, i) => (w(d) > 0 ? i : -1)).filter((i) => i >= 0);
    return trainDense(
      idx.map((i) => metas[i]!),
      idx.map((i) => y(docs[i]!)),
      idx.map((i) => w(docs[i]!)),
      o.metaL2,
    );
  };
  const abuseMeta = fitMeta(
    (d) => d.wa,
    (d) => d.doc.abusive,
  );
  const personalMeta = fitMeta(
    (d) => d.wp,
    (d) => d.doc.personal ?? 0,
  );
  // calibration on the dev splits of the calibration sets, at their natural rates
  const dev = corpus.docs.filter((d) => d.split === 'dev' && o.calibrationSets.includes(d.set));
  const devMeta = dev.map((d) => analyseParts(parts, d.text).meta);
  const za = devMeta.map((m) => denseLogit(abuseMeta, m)),
    zp = devMeta.map((m) => denseLogit(personalMeta, m));
  const abuseCal = fitPlatt(
    za,
    dev.map((d) => d.abusive),
  );
  const pi = dev.map((d, i) => (d.personal === undefined ? -1 : i)).filter((i) => i >= 0);
  const personalCal = fitPlatt(
    pi.map((i) => zp[i]!),
    pi.map((i) => dev[i]!.personal!),
  );
  const cal = (c: typeof abuseCal, z: number) => 1 / (1 + Math.exp(-(c.a! * z + c.b!)));
  const devScored = dev.map((doc, i) => ({ doc, abuse: cal(abuseCal, za[i]!), personal: cal(personalCal, zp[i]!) }));
  const bands = chooseBands(devScored, o.holdCleanShare, o.cleanTagSets);
  const devPosts = corpus.posts.filter((p) => p.split === 'dev');
  const spansBenchmark = chooseDecoding(parts, devPosts);
  const model: GuidelinesModel = {
    version: 1,
    features: DEFAULT_FEATURES,
    doc: parts.doc as Sparse,
    pdoc: parts.pdoc,
    tagger: parts.tagger,
    lexicon,
    abuseMeta,
    personalMeta,
    abuseCal,
    personalCal,
    spans: { threshold: 0.5, rel: 0.5, fallback: 0.2, gate: bands.abuse.hold, typeWeights: [1, 1, 1, 1, 1] },
    spansBenchmark: { ...spansBenchmark.decoding, typeWeights: [1, 1, 1, 1, 1] },
    bands,
    meta: {
      trained: 'scripts/guidelines/train.ts',
      folds: o.folds,
      setWeights: o.setWeights,
      personalWeights: o.personalWeights,
      docOpts: o.docOpts,
      tagOpts: o.tagOpts,
      calibration: 'platt',
      calibrationSets: o.calibrationSets,
      cleanTagSets: o.cleanTagSets,
      cleanTagWeight: o.cleanTagWeight,
      metaL2: o.metaL2,
      lexiconOpts: o.lexicon,
      balance: o.balance,
      holdCleanShare: o.holdCleanShare,
      spansDevF1: spansBenchmark.f1,
      ...meta,
    },
  };
  return { model, dev: devScored };
}
