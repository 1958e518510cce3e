// A logistic-regression text classifier over hashed features: words, word
// pairs and character n-grams inside words. Small (2^18 weights stored as
// float32), fast (a few microseconds a comment), and trained by our own SGD in
// scripts/train-moderation.ts. Shared by the language and abuse rules.

export const BUCKETS = 1 << 18;

/** The bucket of one feature string. */
export function bucketOf(s: string): number {
  // FNV-1a, 32 bits
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Feature buckets of a text (repeats kept: counts matter). */
export function featureBuckets(text: string): number[] {
  const ws = tokens(text);
  const out: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    out.push(bucketOf(`w:${w}`));
    if (i > 0) out.push(bucketOf(`b:${ws[i - 1]} ${w}`));
    const p = `^${w}$`;
    for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= p.length; j++) out.push(bucketOf(`c:${p.slice(j, j + n)}`));
  }
  return out;
}

export interface LinearModel {
  bias: number;
  weights: Float32Array;
}

export function predict(
  model: LinearModel,
  text: string,
  features: (text: string) => number[] = featureBuckets,
): number {
  const f = features(text);
  if (f.length === 0) return 1 / (1 + Math.exp(-model.bias));
  let z = 0;
  for (const b of f) z += model.weights[b]!;
  // Normalised by length, as in training: long texts are not more certain by length alone.
  z = model.bias + z / Math.sqrt(f.length);
  return 1 / (1 + Math.exp(-z));
}

export function serialise(model: LinearModel, meta: Record<string, unknown>): string {
  return JSON.stringify({
    version: 1,
    buckets: BUCKETS,
    bias: model.bias,
    weights: Buffer.from(model.weights.buffer).toString('base64'),
    ...meta,
  });
}

export function deserialise(json: string): LinearModel & { threshold?: number } {
  const o = JSON.parse(json) as { bias: number; weights: string; buckets: number; threshold?: number };
  if (o.buckets !== BUCKETS) throw new Error(`model has ${o.buckets} buckets, this code ${BUCKETS}`);
  const buf = Buffer.from(o.weights, 'base64');
  return {
    bias: o.bias,
    weights: new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4),
    ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
  };
}

/** Logistic regression by SGD with L2, class-balanced, deterministic order. */
export function train(
  examples: { text: string; label: 0 | 1 }[],
  options: { epochs: number; rate: number; l2: number },
  features: (text: string) => number[] = featureBuckets,
): LinearModel {
  const weights = new Float32Array(BUCKETS);
  let bias = 0;
  const pos = examples.filter((e) => e.label === 1).length;
  const neg = examples.length - pos;
  const classWeight = [examples.length / (2 * neg), examples.length / (2 * pos)];
  const prepared = examples.map((e) => ({ f: features(e.text), y: e.label }));
  // a fixed shuffle: same data, same model
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = prepared.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [prepared[i], prepared[j]] = [prepared[j]!, prepared[i]!];
    }
    const rate = options.rate / (1 + epoch);
    for (const { f, y } of prepared) {
      if (f.length === 0) continue;
      const norm = 1 / Math.sqrt(f.length);
      let z = bias;
      for (const b of f) z += weights[b]! * norm;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * classWeight[y]!;
      bias -= rate * g;
      for (const b of f) weights[b] = weights[b]! - rate * (g * norm + options.l2 * weights[b]!);
    }
  }
  return { bias, weights };
}
