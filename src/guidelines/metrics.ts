// Quality measures shared by training (choosing thresholds on the dev split)
// and bench:moderation (reporting on the test split).

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function confusion(scores: number[], labels: number[], threshold: number): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (predicted && labels[i]) c.tp++;
    else if (predicted) c.fp++;
    else if (labels[i]) c.fn++;
    else c.tn++;
  }
  return c;
}

export function precisionRecallF1(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The mean of the F1 of both classes, as OffensEval reports. */
export function macroF1(c: Confusion): number {
  const positive = precisionRecallF1(c).f1;
  const negative = precisionRecallF1({ tp: c.tn, tn: c.tp, fp: c.fn, fn: c.fp }).f1;
  return (positive + negative) / 2;
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const rank = (i + 1 + j) / 2; // mean rank of the tied block, 1-based
    for (let k = i; k < j; k++) {
      if (!order[k]!.y) continue;
      rankSum += rank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The threshold with the best macro-F1, on a grid (by default 0.10 to 0.90 in steps of 0.02). */
export function bestThreshold(
  scores: number[],
  labels: number[],
  grid: { from: number; to: number; step: number } = { from: 0.1, to: 0.9, step: 0.02 },
): { threshold: number; macroF1: number } {
  let best = { threshold: 0.5, macroF1: -1 };
  const steps = Math.round((grid.to - grid.from) / grid.step);
  for (let k = 0; k <= steps; k++) {
    const t = Math.round((grid.from + k * grid.step) * 1000) / 1000;
    const f = macroF1(confusion(scores, labels, t));
    if (f > best.macroF1) best = { threshold: t, macroF1: f };
  }
  return best;
}

/** Expected calibration error over ten equal bins of probability: how far the stated probabilities are from the rates seen. */
export function calibrationError(probabilities: number[], labels: number[]): number {
  const n = new Array<number>(10).fill(0);
  const said = new Array<number>(10).fill(0);
  const seen = new Array<number>(10).fill(0);
  probabilities.forEach((p, i) => {
    const b = Math.min(9, Math.floor(p * 10));
    n[b]!++;
    said[b]! += p;
    seen[b]! += labels[i]!;
  });
  return n.reduce((e, k, b) => (k ? e + (k / probabilities.length) * Math.abs(said[b]! / k - seen[b]! / k) : e), 0);
}
