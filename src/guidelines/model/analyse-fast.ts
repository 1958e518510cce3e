import { type Analysis, analysePartsRef, type GuidelinesModel, metaFeatures, type Parts } from './analyse.ts';
import { copulaHash, youHash } from './features.ts';
import { BOS, charGrams, EOS, fmix, mix2, NS } from './hashing.ts';
import { denseLogit } from './sparse.ts';
import { type Token, tokenize } from './tokens.ts';

// scratch buffers of the fast path (grown on demand; one analysis at a time per thread)
let GRAMS = new Uint32Array(8192);
let GSTART = new Int32Array(1025);
let TF = new Uint32Array(256);
let S_YOU = new Uint8Array(1024),
  S_COP = new Uint8Array(1024),
  S_LEXB = new Int32Array(1024);
const ZK = new Float64Array(16);

/** The models on one text, fast: shared character n-grams, no per-token allocations. Same results as analysePartsRef. */
export function analyseParts(parts: Parts, text: string): { toks: Token[]; probs: Float64Array; meta: Float64Array } {
  const cfg = parts.features;
  if (cfg.charMin !== 2 || cfg.charMax !== 5 || parts.clusters) return analysePartsRef(parts, text);
  const toks = tokenize(text);
  const n = toks.length;
  // character n-grams of every token, once
  let need = 0;
  for (let i = 0; i < n; i++) need += 4 * (toks[i]!.norm.length + 2);
  if (GRAMS.length < need) GRAMS = new Uint32Array(need * 2);
  if (GSTART.length < n + 1) GSTART = new Int32Array(2 * n + 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    GSTART[i] = k;
    k = charGrams(toks[i]!.norm, 2, 5, GRAMS, k);
  }
  GSTART[n] = k;
  // document logits (feature order as docFeatures: word, bigram, grams)
  const dw = parts.doc.q ?? parts.doc.w,
    pw = parts.pdoc.q ?? parts.pdoc.w,
    dm = parts.doc.buckets - 1,
    pm = parts.pdoc.buckets - 1;
  const ds = parts.doc.q ? parts.doc.qScale! : 1,
    ps = parts.pdoc.q ? parts.pdoc.qScale! : 1;
  let zd = 0,
    zp = 0,
    cnt = 0;
  for (let i = 0; i < n; i++) {
    const h = toks[i]!.h;
    let id = mix2(h, NS.word);
    zd += dw[id & dm]!;
    zp += pw[id & pm]!;
    cnt++;
    if (cfg.bigrams && i > 0) {
      id = mix2(mix2(toks[i - 1]!.h, h), NS.bigram);
      zd += dw[id & dm]!;
      zp += pw[id & pm]!;
      cnt++;
    }
    for (let g = GSTART[i]!; g < GSTART[i + 1]!; g++) {
      id = GRAMS[g]!;
      zd += dw[id & dm]!;
      zp += pw[id & pm]!;
      cnt++;
    }
  }
  const docLogit = cnt ? parts.doc.bias[0]! + (zd * ds) / Math.sqrt(cnt) : parts.doc.bias[0]!;
  const pdocLogit = cnt ? parts.pdoc.bias[0]! + (zp * ps) / Math.sqrt(cnt) : parts.pdoc.bias[0]!;
  // tagger
  if (S_YOU.length < n) {
    S_YOU = new Uint8Array(2 * n);
    S_COP = new Uint8Array(2 * n);
    S_LEXB = new Int32Array(2 * n);
  }
  const you = S_YOU,
    cop = S_COP,
    lexBin = S_LEXB;
  for (let i = 0; i < n; i++) {
    const h = toks[i]!.h;
    you[i] = youHash.has(h) ? 1 : 0;
    cop[i] = copulaHash.has(h) ? 1 : 0;
    if (parts.lexicon) lexBin[i] = parts.lexicon.get(h) ?? 0;
  }
  const tg = parts.tagger,
    K = tg.k,
    tw = tg.q ?? tg.w,
    tm = tg.buckets - 1,
    ts = tg.q ? tg.qScale! : 1;
  const probs = new Float64Array(n * (K + 1));
  const lex = parts.lexicon;
  const bias = fmix(NS.tBias),
    s1 = mix2(1, NS.tShape),
    s2 = mix2(2, NS.tShape),
    s3 = mix2(3, NS.tShape);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const g0 = GSTART[i]!,
      g1 = GSTART[i + 1]!;
    if (TF.length < g1 - g0 + 32) TF = new Uint32Array(2 * (g1 - g0 + 32));
    let f = 0;
    TF[f++] = bias;
    TF[f++] = mix2(t.h, NS.tWord);
    for (let g = g0; g < g1; g++) TF[f++] = GRAMS[g]!;
    const hp1 = i > 0 ? toks[i - 1]!.h : BOS,
      hp2 = i > 1 ? toks[i - 2]!.h : BOS;
    const hn1 = i + 1 < n ? toks[i + 1]!.h : EOS,
      hn2 = i + 2 < n ? toks[i + 2]!.h : EOS;
    TF[f++] = mix2(hp1, NS.tP1);
    TF[f++] = mix2(hn1, NS.tN1);
    TF[f++] = mix2(hp2, NS.tP2);
    TF[f++] = mix2(hn2, NS.tN2);
    TF[f++] = mix2(mix2(hp1, t.h), NS.tPB);
    TF[f++] = mix2(mix2(t.h, hn1), NS.tNB);
    TF[f++] = mix2(mix2(mix2(hp1, t.h), hn1), NS.tTri);
    if (t.caps) TF[f++] = s1;
    if (t.norm.includes('*')) TF[f++] = s2;
    let y = 0,
      c = 0;
    for (let q = i > 4 ? i - 4 : 0; q < i; q++) {
      y |= you[q]!;
      c |= cop[q]!;
    }
    if (y) {
      TF[f++] = s3;
      TF[f++] = mix2(t.h, NS.tYou);
    }
    if (c) TF[f++] = mix2(t.h, NS.tCopula);
    if (lex) {
      const b = lexBin[i]!;
      TF[f++] = mix2(b, NS.tLex);
      TF[f++] = mix2(i > 0 ? lexBin[i - 1]! : 99, NS.tLexP1);
      TF[f++] = mix2(i + 1 < n ? lexBin[i + 1]! : 99, NS.tLexN1);
      if (y) TF[f++] = mix2(b, NS.tLexYou);
    }
    for (let cc = 0; cc < K; cc++) ZK[cc] = 0;
    for (let q = 0; q < f; q++) {
      const base = (TF[q]! & tm) * K;
      for (let cc = 0; cc < K; cc++) ZK[cc] = ZK[cc]! + tw[base + cc]!;
    }
    const norm = 1 / Math.sqrt(Math.max(1, f));
    const o = i * (K + 1);
    let max = 0;
    probs[o] = 0;
    for (let cc = 0; cc < K; cc++) {
      const z = tg.bias[cc]! + ZK[cc]! * ts * norm;
      probs[o + cc + 1] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let cc = 0; cc <= K; cc++) {
      const e = Math.exp(probs[o + cc]! - max);
      probs[o + cc] = e;
      sum += e;
    }
    for (let cc = 0; cc <= K; cc++) probs[o + cc] = probs[o + cc]! / sum;
  }
  return { toks, probs, meta: metaFeatures(toks, docLogit, pdocLogit, probs, you) };
}

/** Run the sparse models and build the meta features. */
export function analyse(model: GuidelinesModel, text: string): Analysis {
  const { toks, probs, meta } = analyseParts(model, text);
  return {
    toks,
    probs,
    meta,
    abuseLogit: denseLogit(model.abuseMeta, meta),
    personalLogit: denseLogit(model.personalMeta, meta),
  };
}
