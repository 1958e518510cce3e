import { type GuidelinesModel, META_NAMES, SPAN_TYPES } from './analyse.ts';
import type { Clusters, Lexicon } from './features.ts';
import type { Sparse } from './sparse.ts';

const MAGIC = 'PGLM';

interface ArrayEntry {
  name: string;
  dtype: 'f32' | 'i16' | 'i8';
  scale: number;
  offset: number;
  length: number;
}

function quantise(a: Float32Array, dtype: 'f32' | 'i16' | 'i8'): { bytes: Uint8Array; scale: number } {
  if (dtype === 'f32')
    return { bytes: new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)), scale: 1 };
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    if (v > max) max = v;
  }
  const lim = dtype === 'i16' ? 32767 : 127;
  const scale = max > 0 ? max / lim : 1;
  const q = dtype === 'i16' ? new Int16Array(a.length) : new Int8Array(a.length);
  for (let i = 0; i < a.length; i++) q[i] = Math.round(a[i]! / scale);
  return { bytes: new Uint8Array(q.buffer), scale };
}

/** Serialise: "PGLM" | u32 header length | JSON header | padding to 8 | arrays. */
export function saveModel(m: GuidelinesModel, dtype: 'f32' | 'i16' | 'i8' = 'i16'): Uint8Array {
  const arrays: [string, Float32Array][] = [
    ['doc', m.doc.w],
    ['pdoc', m.pdoc.w],
    ['tagger', m.tagger.w],
  ];
  const entries: ArrayEntry[] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    const { bytes, scale } = quantise(a, dtype);
    entries.push({ name, dtype, scale, offset, length: a.length });
    blobs.push(bytes);
    offset += bytes.length + ((8 - (bytes.length % 8)) % 8);
  }
  let clusters: number[] | undefined, lexicon: number[] | undefined;
  if (m.clusters) {
    clusters = [];
    for (const [h, c] of m.clusters) clusters.push(h, c);
  }
  if (m.lexicon) {
    lexicon = [];
    for (const [h, c] of m.lexicon) lexicon.push(h, c);
  }
  const header = {
    version: m.version,
    features: m.features,
    doc: { buckets: m.doc.buckets, k: m.doc.k, bias: [...m.doc.bias] },
    pdoc: { buckets: m.pdoc.buckets, k: m.pdoc.k, bias: [...m.pdoc.bias] },
    tagger: { buckets: m.tagger.buckets, k: m.tagger.k, bias: [...m.tagger.bias] },
    clusters,
    lexicon,
    abuseMeta: [...m.abuseMeta],
    personalMeta: [...m.personalMeta],
    metaNames: META_NAMES,
    abuseCal: m.abuseCal,
    personalCal: m.personalCal,
    spans: m.spans,
    spansBenchmark: m.spansBenchmark,
    bands: m.bands,
    spanTypes: SPAN_TYPES,
    meta: m.meta,
    arrays: entries,
  };
  const hb = new TextEncoder().encode(JSON.stringify(header));
  const pad = (8 - ((8 + hb.length) % 8)) % 8;
  const out = new Uint8Array(8 + hb.length + pad + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, hb.length + pad, true);
  out.set(hb, 8);
  out.fill(0x20, 8 + hb.length, 8 + hb.length + pad);
  const base = 8 + hb.length + pad;
  for (const [i, e] of entries.entries()) out.set(blobs[i]!, base + e.offset);
  return out;
}

export function loadModel(bytes: Uint8Array): GuidelinesModel {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a Parley guidelines model file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = dv.getUint32(4, true);
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen)));
  if (h.version !== 1) throw new Error(`model version ${h.version} is not supported`);
  const base = 8 + hlen;
  const arr = (name: string): { w: Float32Array; q?: Int16Array; scale: number } => {
    const e = (h.arrays as ArrayEntry[]).find((x) => x.name === name)!;
    const out = new Float32Array(e.length);
    const at = bytes.byteOffset + base + e.offset;
    if (e.dtype === 'f32') {
      out.set(new Float32Array(bytes.buffer.slice(at, at + e.length * 4)));
      return { w: out, scale: 1 };
    }
    if (e.dtype === 'i16') {
      const q = new Int16Array(bytes.buffer.slice(at, at + e.length * 2));
      for (let i = 0; i < e.length; i++) out[i] = q[i]! * e.scale;
      return { w: out, q, scale: e.scale };
    }
    const q = new Int8Array(bytes.buffer.slice(at, at + e.length));
    for (let i = 0; i < e.length; i++) out[i] = q[i]! * e.scale;
    return { w: out, scale: e.scale };
  };
  const sparse = (name: string): Sparse => {
    const a = arr(name);
    return {
      buckets: h[name].buckets,
      k: h[name].k,
      bias: Float32Array.from(h[name].bias),
      w: a.w,
      q: a.q,
      qScale: a.scale,
    };
  };
  let clusters: Clusters | undefined;
  if (h.clusters) {
    clusters = new Map();
    for (let i = 0; i < h.clusters.length; i += 2) clusters.set(h.clusters[i], h.clusters[i + 1]);
  }
  let lexicon: Lexicon | undefined;
  if (h.lexicon) {
    lexicon = new Map();
    for (let i = 0; i < h.lexicon.length; i += 2) lexicon.set(h.lexicon[i], h.lexicon[i + 1]);
  }
  return {
    version: 1,
    features: h.features,
    doc: sparse('doc'),
    pdoc: sparse('pdoc'),
    tagger: sparse('tagger'),
    clusters,
    lexicon,
    abuseMeta: Float64Array.from(h.abuseMeta),
    personalMeta: Float64Array.from(h.personalMeta),
    abuseCal: h.abuseCal,
    personalCal: h.personalCal,
    spans: h.spans,
    spansBenchmark: h.spansBenchmark,
    bands: h.bands,
    meta: h.meta,
  };
}
