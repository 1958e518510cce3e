import { logit1, type Sparse, sigmoid, softmaxK } from './sparse.ts';

export interface Example {
  f: Int32Array;
  y: number;
  w: number;
}
export interface MultiExample {
  f: Int32Array;
  t: Float32Array /* K+1 target distribution */;
  w: number;
}

export interface SgdOptions {
  epochs: number;
  /** AdaGrad base rate */
  rate: number;
  /** L2 strength (towards prior if given, else towards 0) */
  l2: number;
  prior?: Sparse;
  seed?: number;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** Binary logistic regression by AdaGrad; continues from m (in place). Deterministic. */
export function trainBinary(m: Sparse, data: Example[], o: SgdOptions): Sparse {
  const G = new Float32Array(m.w.length).fill(1e-6);
  let Gb = 1e-6;
  const order = data.slice();
  const rand = rng(o.seed ?? 1234567);
  const prior = o.prior;
  for (let e = 0; e < o.epochs; e++) {
    shuffle(order, rand);
    for (const ex of order) {
      const f = ex.f;
      const norm = 1 / Math.sqrt(Math.max(1, f.length));
      const p = sigmoid(logit1(m, f));
      const g = (p - ex.y) * ex.w;
      Gb += g * g;
      m.bias[0] = m.bias[0]! - (o.rate * g) / Math.sqrt(Gb);
      for (let i = 0; i < f.length; i++) {
        const j = f[i]!;
        const wj = m.w[j]!;
        const gj = g * norm + o.l2 * (wj - (prior ? prior.w[j]! : 0));
        G[j] = G[j]! + gj * gj;
        m.w[j] = wj - (o.rate * gj) / Math.sqrt(G[j]!);
      }
    }
  }
  return m;
}

/** Softmax regression (class 0 reference) by AdaGrad with soft targets; continues from m (in place). */
export function trainSoftmax(m: Sparse, data: MultiExample[], o: SgdOptions): Sparse {
  const k = m.k;
  const G = new Float32Array(m.w.length).fill(1e-6);
  const Gb = new Float64Array(k).fill(1e-6);
  const order = data.slice();
  const rand = rng(o.seed ?? 7654321);
  const p = new Float64Array(k + 1);
  const g = new Float64Array(k);
  const prior = o.prior;
  for (let e = 0; e < o.epochs; e++) {
    shuffle(order, rand);
    for (const ex of order) {
      const f = ex.f;
      const norm = 1 / Math.sqrt(Math.max(1, f.length));
      softmaxK(m, f, p);
      for (let c = 0; c < k; c++) {
        g[c] = (p[c + 1]! - ex.t[c + 1]!) * ex.w;
        Gb[c] = Gb[c]! + g[c]! * g[c]!;
        m.bias[c] = m.bias[c]! - (o.rate * g[c]!) / Math.sqrt(Gb[c]!);
      }
      for (let i = 0; i < f.length; i++) {
        const base = f[i]! * k;
        for (let c = 0; c < k; c++) {
          const j = base + c;
          const wj = m.w[j]!;
          const gj = g[c]! * norm + o.l2 * (wj - (prior ? prior.w[j]! : 0));
          G[j] = G[j]! + gj * gj;
          m.w[j] = wj - (o.rate * gj) / Math.sqrt(G[j]!);
        }
      }
    }
  }
  return m;
}

/**
 * Dense logistic regression (the meta models and Platt scaling): weights[0] is the bias. Newton's method on the
 * weighted mean log-loss + l2/2·|β−prior|² (bias not penalised). Exact and deterministic; d is small.
 */
export function trainDense(
  x: Float64Array[],
  y: number[],
  w: number[],
  l2: number,
  iters = 25,
  init?: Float64Array,
  prior?: Float64Array,
): Float64Array {
  const d = x[0]!.length + 1;
  const beta = init ? Float64Array.from(init) : new Float64Array(d);
  let wsum = 0;
  for (const v of w) wsum += v;
  const row = new Float64Array(d);
  for (let it = 0; it < iters; it++) {
    const g = new Float64Array(d);
    const H = new Float64Array(d * d);
    for (let n = 0; n < x.length; n++) {
      row[0] = 1;
      row.set(x[n]!, 1);
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j]! * row[j]!;
      const p = sigmoid(z);
      const wn = w[n]! / wsum;
      const gn = (p - y[n]!) * wn,
        hn = Math.max(p * (1 - p), 1e-9) * wn;
      for (let j = 0; j < d; j++) {
        g[j] = g[j]! + gn * row[j]!;
        const hj = hn * row[j]!;
        for (let k = j; k < d; k++) H[j * d + k] = H[j * d + k]! + hj * row[k]!;
      }
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) H[j * d + k] = H[k * d + j]!;
    for (let j = 1; j < d; j++) {
      g[j] = g[j]! + l2 * (beta[j]! - (prior ? prior[j]! : 0));
      H[j * d + j] = H[j * d + j]! + l2;
    }
    for (let j = 0; j < d; j++) H[j * d + j] = H[j * d + j]! + 1e-9;
    const step = solve(H, g, d);
    let maxStep = 0;
    for (let j = 0; j < d; j++) {
      beta[j] = beta[j]! - step[j]!;
      maxStep = Math.max(maxStep, Math.abs(step[j]!));
    }
    if (maxStep < 1e-7) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting: solves A s = b (A is d×d, copied). */
function solve(A0: Float64Array, b0: Float64Array, d: number): Float64Array {
  const A = Float64Array.from(A0),
    b = Float64Array.from(b0);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r * d + c]!) > Math.abs(A[piv * d + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) {
        const t = A[c * d + k]!;
        A[c * d + k] = A[piv * d + k]!;
        A[piv * d + k] = t;
      }
      const t = b[c]!;
      b[c] = b[piv]!;
      b[piv] = t;
    }
    const diag = A[c * d + c]! || 1e-12;
    for (let r = c + 1; r < d; r++) {
      const f = A[r * d + c]! / diag;
      if (f === 0) continue;
      for (let k = c; k < d; k++) A[r * d + k] = A[r * d + k]! - f * A[c * d + k]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  const s = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let v = b[r]!;
    for (let k = r + 1; k < d; k++) v -= A[r * d + k]! * s[k]!;
    s[r] = v / (A[r * d + r]! || 1e-12);
  }
  return s;
}
