export interface Sparse {
  /** number of buckets, a power of two */
  buckets: number;
  /** classes per bucket (1 for binary LR; K-1 for softmax with class 0 as reference) */
  k: number;
  bias: Float32Array;
  w: Float32Array;
  /** loaded from an i16 file: the stored integers (w = q × qScale), which the fast path reads (half the memory traffic) */
  q?: Int16Array | undefined;
  qScale?: number | undefined;
}

export function newSparse(buckets: number, k: number): Sparse {
  return { buckets, k, bias: new Float32Array(k), w: new Float32Array(buckets * k) };
}

/** Bucket indices of hashed features. */
export function bucketize(hashes: number[], buckets: number): Int32Array {
  const mask = buckets - 1;
  const out = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = hashes[i]! & mask;
  return out;
}

/** Binary logit: bias + Σ w / sqrt(n). */
export function logit1(m: Sparse, f: Int32Array): number {
  if (f.length === 0) return m.bias[0]!;
  let z = 0;
  for (let i = 0; i < f.length; i++) z += m.w[f[i]!]!;
  return m.bias[0]! + z / Math.sqrt(f.length);
}

/** Softmax over K = m.k + 1 classes (class 0 has logit 0). Writes probabilities into p. */
export function softmaxK(m: Sparse, f: Int32Array, p: Float64Array): void {
  const k = m.k;
  const norm = 1 / Math.sqrt(Math.max(1, f.length));
  let max = 0;
  p[0] = 0;
  for (let c = 0; c < k; c++) {
    let z = 0;
    for (let i = 0; i < f.length; i++) z += m.w[f[i]! * k + c]!;
    z = m.bias[c]! + z * norm;
    p[c + 1] = z;
    if (z > max) max = z;
  }
  let s = 0;
  for (let c = 0; c <= k; c++) {
    p[c] = Math.exp(p[c]! - max);
    s += p[c]!;
  }
  for (let c = 0; c <= k; c++) p[c] = p[c]! / s;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function denseLogit(beta: ArrayLike<number>, x: ArrayLike<number>): number {
  let z = beta[0]!;
  for (let j = 0; j < x.length; j++) z += beta[j + 1]! * x[j]!;
  return z;
}

// ---------------------------------------------------------------- calibration

export interface Calibration {
  kind: 'platt' | 'isotonic';
  /** platt: p = sigmoid(a*z + b) */
  a?: number;
  b?: number;
  /** isotonic: breakpoints on the raw probability and calibrated values (piecewise linear) */
  x?: number[];
  y?: number[];
}

export function calibrate(c: Calibration, z: number): number {
  if (c.kind === 'platt') return sigmoid(c.a! * z + c.b!);
  const p = sigmoid(z);
  const xs = c.x!,
    ys = c.y!;
  if (p <= xs[0]!) return ys[0]!;
  if (p >= xs[xs.length - 1]!) return ys[ys.length - 1]!;
  let lo = 0,
    hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= p) lo = mid;
    else hi = mid;
  }
  const t = (p - xs[lo]!) / (xs[hi]! - xs[lo]! || 1);
  return ys[lo]! + t * (ys[hi]! - ys[lo]!);
}
