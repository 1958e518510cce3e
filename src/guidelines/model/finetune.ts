// Per-site adaptation in Node: continue training the shipped model on a few hundred moderator-labelled
// comments, pulled towards the shipped weights (L2 to the prior), so that little data cannot wreck it.
// No Python, no data sets: only the shipped model file and the site's examples.

import { calibrationError, rocAuc } from '../metrics.ts';
import type { GuidelinesModel } from './analyse.ts';
import { analyseParts } from './analyse-fast.ts';
import { docFeatures } from './features.ts';
import { bucketize, type Calibration, calibrate, denseLogit, type Sparse } from './sparse.ts';
import { tokenize } from './tokens.ts';
import { trainBinary, trainDense } from './train.ts';

export interface SiteExample {
  text: string;
  /** the moderators' verdict: 1 abusive (refused/held for abuse), 0 fine */
  abusive?: 0 | 1;
  /** 1 a personal attack, 0 not */
  personal?: 0 | 1;
}

export interface FineTuneOptions {
  /** AdaGrad epochs over the site's examples for the sparse document models */
  epochs?: number;
  rate?: number;
  /** pull towards the shipped weights: sparse (per step) and meta (Newton) */
  l2Sparse?: number;
  l2Meta?: number;
}

// the copy drops the stored integers (q): fine-tuned weights are floats until saved again
const cloneSparse = (m: Sparse): Sparse => ({
  buckets: m.buckets,
  k: m.k,
  bias: Float32Array.from(m.bias),
  w: Float32Array.from(m.w),
});

/** Platt scaling composed into the meta weights (a·(β·x) + b is again linear), so both are adapted together. */
function fold(beta: Float64Array, cal: Calibration): { beta: Float64Array; cal: Calibration } {
  if (cal.kind !== 'platt') return { beta: Float64Array.from(beta), cal };
  const out = beta.map((v) => v * cal.a!);
  out[0] = out[0]! + cal.b!;
  return { beta: out, cal: { kind: 'platt', a: 1, b: 0 } };
}

/**
 * A new model for the site: document models continued from the shipped weights, the meta models (and with
 * them the calibration) refitted with L2 towards the shipped ones on the site's natural label rates. Deterministic.
 * The tagger and the bands are kept (a site may set its own bands).
 */
export function fineTune(base: GuidelinesModel, examples: SiteExample[], o: FineTuneOptions = {}): GuidelinesModel {
  const epochs = o.epochs ?? 3,
    rate = o.rate ?? 0.02,
    l2Sparse = o.l2Sparse ?? 1e-3,
    l2Meta = o.l2Meta ?? 0.05;
  const doc = cloneSparse(base.doc),
    pdoc = cloneSparse(base.pdoc);
  const toks = examples.map((e) => tokenize(e.text));
  const hashes = toks.map((t) => docFeatures(t, base.features));
  const balance = (ys: (0 | 1 | undefined)[]) => {
    const n1 = ys.filter((y) => y === 1).length,
      n0 = ys.filter((y) => y === 0).length;
    return (y: 0 | 1) => (n0 + n1) / (2 * Math.max(1, y ? n1 : n0));
  };
  const ya = examples.map((e) => e.abusive),
    yp = examples.map((e) => e.personal);
  const wa = balance(ya),
    wp = balance(yp);
  const dAll = examples.map((e, i) =>
    e.abusive === undefined ? undefined : { f: bucketize(hashes[i]!, doc.buckets), y: e.abusive, w: wa(e.abusive) },
  );
  const pAll = examples.map((e, i) =>
    e.personal === undefined ? undefined : { f: bucketize(hashes[i]!, pdoc.buckets), y: e.personal, w: wp(e.personal) },
  );
  const sparseFit = (keep: (i: number) => boolean) => {
    const d = cloneSparse(base.doc),
      p = cloneSparse(base.pdoc);
    const dd = dAll.filter((x, i) => x && keep(i)) as { f: Int32Array; y: number; w: number }[];
    const pd = pAll.filter((x, i) => x && keep(i)) as { f: Int32Array; y: number; w: number }[];
    if (dd.length) trainBinary(d, dd, { epochs, rate, l2: l2Sparse, prior: base.doc });
    if (pd.length) trainBinary(p, pd, { epochs, rate, l2: l2Sparse, prior: base.pdoc });
    return { d, p };
  };
  // meta features of each example from document models that did not see it (5 folds), as in training
  const FOLDS = 5;
  const metas: Float64Array[] = new Array(examples.length);
  for (let k = 0; k < FOLDS; k++) {
    const { d, p } = sparseFit((i) => i % FOLDS !== k);
    const parts = {
      features: base.features,
      doc: d,
      pdoc: p,
      tagger: base.tagger,
      clusters: base.clusters,
      lexicon: base.lexicon,
    };
    examples.forEach((e, i) => {
      if (i % FOLDS === k) metas[i] = analyseParts(parts, e.text).meta;
    });
  }
  const fin = sparseFit(() => true);
  doc.w.set(fin.d.w);
  doc.bias.set(fin.d.bias);
  pdoc.w.set(fin.p.w);
  pdoc.bias.set(fin.p.bias);
  const dData = dAll.filter(Boolean),
    pData = pAll.filter(Boolean);
  const a = fold(base.abuseMeta, base.abuseCal),
    p = fold(base.personalMeta, base.personalCal);
  const refit = (beta: Float64Array, ys: (0 | 1 | undefined)[], wf: (y: 0 | 1) => number) => {
    const idx = ys.map((y, i) => (y === undefined ? -1 : i)).filter((i) => i >= 0);
    if (idx.length < 20 || new Set(idx.map((i) => ys[i])).size < 2) return beta;
    return trainDense(
      idx.map((i) => metas[i]!),
      idx.map((i) => ys[i]!),
      idx.map((i) => wf(ys[i]!)),
      l2Meta,
      25,
      beta,
      beta,
    );
  };
  return {
    ...base,
    doc,
    pdoc,
    // natural weights here (not class-balanced): the probabilities then match the site's own rates
    abuseMeta: refit(a.beta, ya, () => 1),
    abuseCal: a.cal,
    personalMeta: refit(p.beta, yp, () => 1),
    personalCal: p.cal,
    meta: {
      ...base.meta,
      fineTuned: {
        examples: examples.length,
        abusive: dData.length,
        personal: pData.length,
        epochs,
        rate,
        l2Sparse,
        l2Meta,
      },
    },
  };
}

/** Calibrated probabilities of a model (for checks). */
export function scores(m: GuidelinesModel, text: string): { abuse: number; personal: number } {
  const a = analyseParts(m, text);
  return {
    abuse: calibrate(m.abuseCal, denseLogit(m.abuseMeta, a.meta)),
    personal: calibrate(m.personalCal, denseLogit(m.personalMeta, a.meta)),
  };
}
/**
 * What `parley guidelines train --site` runs: the fine-tuning strength is chosen on a fifth of the site's own labelled
 * comments (every fifth, in the order given: shuffle them first if they are sorted), by AUC − ECE of the abuse
 * probability there; then the model is refitted on all of them with that strength.
 */
export function fineTuneAuto(
  base: GuidelinesModel,
  examples: SiteExample[],
  grid: FineTuneOptions[] = defaultGrid(),
): { model: GuidelinesModel; chosen: FineTuneOptions; heldOut: { auc: number; ece: number } } {
  const hold = examples.filter((e, i) => i % 5 === 4 && e.abusive !== undefined);
  const fit = examples.filter((_, i) => i % 5 !== 4);
  let best = { o: grid[0]!, v: -Infinity, auc: 0, ece: 0 };
  if (hold.length >= 20 && new Set(hold.map((e) => e.abusive)).size === 2) {
    for (const o of grid) {
      const m = fineTune(base, fit, o);
      const s = hold.map((e) => scores(m, e.text).abuse),
        y = hold.map((e) => e.abusive!);
      const a = rocAuc(s, y),
        e = calibrationError(s, y);
      if (a - e > best.v) best = { o, v: a - e, auc: a, ece: e };
    }
  }
  return { model: fineTune(base, examples, best.o), chosen: best.o, heldOut: { auc: best.auc, ece: best.ece } };
}

export function defaultGrid(): FineTuneOptions[] {
  const g: FineTuneOptions[] = [];
  for (const l2Sparse of [0, 1e-4, 1e-3]) for (const l2Meta of [0, 0.01, 0.05]) g.push({ l2Sparse, l2Meta });
  return g;
}
