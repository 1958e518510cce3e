import { type GuidelinesModel, K1, SPAN_TYPES, type Span, type SpanDecoding } from './analyse.ts';
import { analyse } from './analyse-fast.ts';
import { calibrate } from './sparse.ts';
import type { Token } from './tokens.ts';

export type { SpanDecoding } from './analyse.ts';

/** Which tokens are abusive, by the decoding rule. */
export function tokensOn(a: { toks: Token[]; probs: Float64Array }, d: SpanDecoding): boolean[] {
  const n = a.toks.length;
  let mx = 0;
  for (let i = 0; i < n; i++) mx = Math.max(mx, 1 - a.probs[i * K1]!);
  const on: boolean[] = new Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const x = 1 - a.probs[i * K1]!;
    on[i] = x >= d.threshold && x >= d.rel * mx;
    if (on[i]) any = true;
  }
  if (!any && n > 0 && mx >= d.fallback) for (let i = 0; i < n; i++) on[i] = 1 - a.probs[i * K1]! === mx;
  return on;
}

/** Spans from the tokens on, neighbours joined across whitespace; the type is the one with most probability mass. */
export function spansOf(
  a: { toks: Token[]; probs: Float64Array },
  text: string,
  on: boolean[],
  typeWeights: number[] = [1, 1, 1, 1, 1],
): Span[] {
  const out: Span[] = [];
  let cur: { start: number; end: number; score: number; typeMass: number[] } | undefined;
  for (let i = 0; i < a.toks.length; i++) {
    const t = a.toks[i]!;
    const base = i * K1;
    const tox = 1 - a.probs[base]!;
    if (!on[i]) {
      if (cur) {
        out.push(finish(cur));
        cur = undefined;
      }
      continue;
    }
    if (cur && /^\s*$/.test(text.slice(cur.end, t.start))) {
      cur.end = t.end;
      cur.score = Math.max(cur.score, tox);
      for (let c = 0; c < 5; c++) cur.typeMass[c] = cur.typeMass[c]! + a.probs[base + 1 + c]!;
    } else {
      if (cur) out.push(finish(cur));
      cur = { start: t.start, end: t.end, score: tox, typeMass: [0, 1, 2, 3, 4].map((c) => a.probs[base + 1 + c]!) };
    }
  }
  if (cur) out.push(finish(cur));
  return out;
  function finish(c: { start: number; end: number; score: number; typeMass: number[] }): Span {
    let best = 0;
    for (let k = 1; k < 5; k++) if (c.typeMass[k]! * typeWeights[k]! > c.typeMass[best]! * typeWeights[best]!) best = k;
    return { start: c.start, end: c.end, type: SPAN_TYPES[best]!, score: Math.round(c.score * 1000) / 1000 };
  }
}

export interface Judgement {
  /** calibrated P(abusive) */
  abuse: number;
  /** calibrated P(personal attack) */
  personal: number;
  spans: Span[];
  decision: 'publish' | 'hold' | 'refuse';
}

export function judge(model: GuidelinesModel, text: string): Judgement {
  const a = analyse(model, text);
  const abuse = calibrate(model.abuseCal, a.abuseLogit);
  const personal = calibrate(model.personalCal, a.personalLogit);
  const b = model.bands;
  const decision =
    abuse >= b.abuse.refuse || personal >= b.personal.refuse
      ? 'refuse'
      : abuse >= b.abuse.hold || personal >= b.personal.hold
        ? 'hold'
        : 'publish';
  // the words are shown whenever the comment is held or refused (by either model), or abuse reaches the gate
  const spans =
    decision !== 'publish' || abuse >= model.spans.gate
      ? spansOf(a, text, tokensOn(a, model.spans), model.spans.typeWeights)
      : [];
  return { abuse, personal, spans, decision };
}
