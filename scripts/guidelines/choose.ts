import type { Bands, Parts, SpanDecoding } from '../../src/guidelines/model/analyse.ts';
import { analyseParts } from '../../src/guidelines/model/analyse-fast.ts';
import { spansOf, tokensOn } from '../../src/guidelines/model/spans.ts';
import type { Calibration } from '../../src/guidelines/model/sparse.ts';
import { trainDense } from '../../src/guidelines/model/train.ts';
import type { Doc, SetName, TagPost } from './data.ts';

// Choices made on the dev splits: Platt scaling, the bands, the span decoding.

/** p = sigmoid(a·z + b), fitted by Newton on the (z, y) pairs; the identity when there is nothing to fit. */
export function fitPlatt(z: number[], y: number[]): Calibration {
  if (z.length < 2 || new Set(y).size < 2) return { kind: 'platt', a: 1, b: 0 };
  const beta = trainDense(
    z.map((v) => Float64Array.of(v)),
    y,
    y.map(() => 1),
    0,
  );
  return { kind: 'platt', a: beta[1]!, b: beta[0]! };
}

/** SemEval-2021 Task 5's measure: mean over posts of the character F1 (1 when both are empty), in percent. */
export function spanF1(pairs: { predicted: Set<number>; gold: Set<number> }[]): number {
  let sum = 0;
  for (const { predicted, gold } of pairs) {
    if (gold.size === 0) sum += predicted.size === 0 ? 1 : 0;
    else if (predicted.size > 0) {
      let hit = 0;
      for (const c of predicted) if (gold.has(c)) hit++;
      sum += hit === 0 ? 0 : (2 * hit) / (predicted.size + gold.size);
    }
  }
  return pairs.length ? (100 * sum) / pairs.length : 0;
}

export const charsOf = (spans: { start: number; end: number }[]) => {
  const s = new Set<number>();
  for (const x of spans) for (let c = x.start; c < x.end; c++) s.add(c);
  return s;
};

/** Gold characters of a tagger post: marked (any type) by more than half of its raters. */
export function goldOf(post: TagPost): Set<number> {
  const s = new Set<number>();
  for (let c = 0; c < post.text.length; c++) {
    let v = 0;
    for (let k = 0; k < 5; k++) v = Math.max(v, post.votes[c * 5 + k]!);
    if (v > 0.5) s.add(c);
  }
  return s;
}

/** The benchmark decoding (always marks a word): threshold and rel by the span F1 on the dev posts. */
export function chooseDecoding(parts: Parts, posts: TagPost[]): { decoding: SpanDecoding; f1: number } {
  const analysed = posts.map((p) => ({ a: analyseParts(parts, p.text), text: p.text, gold: goldOf(p) }));
  let best = { decoding: { threshold: 0.5, rel: 0.5, fallback: 0, gate: 0 } as SpanDecoding, f1: -1 };
  for (let t = 0.05; t < 0.76; t += 0.05)
    for (const rel of [0, 0.25, 0.5, 0.75]) {
      const d = { threshold: Math.round(t * 100) / 100, rel, fallback: 0, gate: 0 };
      const f1 = spanF1(
        analysed.map(({ a, text, gold }) => ({ predicted: charsOf(spansOf(a, text, tokensOn(a, d))), gold })),
      );
      if (f1 > best.f1) best = { decoding: d, f1 };
    }
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Refuse: the lowest score from which at least 95% of the dev comments are abusive (at least 20 of them);
 * hold: the lowest score that catches at most `share` of the clean dev comments of `cleanSets` (at most the refuse
 * band): ordinary comments, not the toxic-spans posts that raters found "not toxic" (hard negatives, not clean).
 * Precision counts abusive comments for both models: refusing an abusive comment as a personal attack is no harm.
 */
export function chooseBands(
  dev: { doc: Doc; abuse: number; personal: number }[],
  share: number,
  cleanSets: SetName[],
): { abuse: Bands; personal: Bands } {
  const pick = (score: (d: (typeof dev)[number]) => number, holdShare: number): Bands => {
    const s = dev.map((d) => ({ p: score(d), y: d.doc.abusive, set: d.doc.set })).sort((a, b) => b.p - a.p);
    // the lowest score from which the comments at or above it are still ≥ 95% abusive (at least 20 of them)
    let refuse = 0.999,
      hit = 0;
    for (let i = 0; i < s.length; i++) {
      hit += s[i]!.y;
      const tie = i + 1 < s.length && s[i + 1]!.p === s[i]!.p;
      if (!tie && i + 1 >= 20 && hit / (i + 1) >= 0.95) refuse = s[i]!.p;
    }
    const clean = s.filter((x) => !x.y && cleanSets.includes(x.set)).map((x) => x.p);
    const k = Math.floor(clean.length * holdShare);
    const hold = clean.length > k ? clean[k]! + 1e-3 : 0.5;
    return {
      refuse: round3(Math.max(0.5, refuse)),
      hold: round3(Math.min(Math.max(0.3, hold), Math.max(0.5, refuse))),
    };
  };
  return {
    abuse: pick((d) => d.abuse, share),
    personal: pick((d) => d.personal, share / 2),
  };
}
