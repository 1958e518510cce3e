import { confusion, macroF1, rocAuc } from '../../src/guidelines/metrics.ts';
import type { GuidelinesModel } from '../../src/guidelines/model/analyse.ts';
import { analyse } from '../../src/guidelines/model/analyse-fast.ts';
import { judge, spansOf, tokensOn } from '../../src/guidelines/model/spans.ts';
import { charsOf, spanF1 } from './choose.ts';
import type { Corpus, Doc, SetName } from './data.ts';

// Figures of a model on the fixed splits: the same code for a freshly trained model and the shipped one.

export interface Figures {
  olid: { devThreshold: number; devMacroF1: number; testMacroF1: number; testAuc: number };
  fox: { testAuc: number; testMacroF1: number };
  spans: { testF1: number; testF1Benchmark: number };
  ece: number;
  /** clean test comments (OLID, Fox test threads, ConvAbuse, Stormfront, ETHOS): share refused, held or refused */
  clean: { n: number; refused: number; flagged: number };
  /** of the test comments refused, the share that are abusive */
  refusePrecision: number;
  byset: Partial<Record<SetName, { auc: number; n: number }>>;
}

const CLEAN_SETS: SetName[] = ['olid', 'fox', 'convabuse', 'stormfront', 'ethos'];

export function ece10(p: number[], y: number[]): number {
  const n = new Array(10).fill(0),
    c = new Array(10).fill(0),
    a = new Array(10).fill(0);
  p.forEach((v, i) => {
    const b = Math.min(9, Math.floor(v * 10));
    n[b]++;
    c[b] += v;
    a[b] += y[i]!;
  });
  return n.reduce((e, k, b) => (k ? e + (k / p.length) * Math.abs(c[b] / k - a[b] / k) : e), 0);
}

/** The threshold (0.05…0.95) with the best macro-F1. */
function bestThreshold(p: number[], y: number[]): { t: number; f: number } {
  let best = { t: 0.5, f: -1 };
  for (let i = 5; i <= 95; i++) {
    const f = macroF1(confusion(p, y, i / 100));
    if (f > best.f) best = { t: i / 100, f };
  }
  return best;
}

export function evaluate(model: GuidelinesModel, corpus: Corpus, sets: SetName[]): Figures {
  const judged = new Map<Doc, ReturnType<typeof judge>>();
  const of = (d: Doc) => {
    let j = judged.get(d);
    if (!j) {
      j = judge(model, d.text);
      judged.set(d, j);
    }
    return j;
  };
  const pick = (set: SetName, split: string) => corpus.docs.filter((d) => d.set === set && d.split === split);
  const scored = (docs: Doc[]) => ({ p: docs.map((d) => of(d).abuse), y: docs.map((d) => d.abusive) });
  const od = scored(pick('olid', 'dev')),
    ot = scored(pick('olid', 'test'));
  const ob = bestThreshold(od.p, od.y);
  const fd = scored(pick('fox', 'dev')),
    ft = scored(pick('fox', 'test'));
  const fb = bestThreshold(fd.p, fd.y);
  // the official SemEval test file with its gold offsets (marked by more than half of the raters)
  const f1 = (d: GuidelinesModel['spans']) =>
    spanF1(
      corpus.tsdTest.map((p) => {
        const a = analyse(model, p.text);
        return { predicted: charsOf(spansOf(a, p.text, tokensOn(a, d), d.typeWeights)), gold: new Set(p.offsets) };
      }),
    );
  const test = corpus.docs.filter((d) => d.split === 'test' && sets.includes(d.set));
  const all = scored(test);
  const clean = test.filter((d) => !d.abusive && CLEAN_SETS.includes(d.set));
  const refused = test.filter((d) => of(d).decision === 'refuse');
  const byset: Figures['byset'] = {};
  for (const s of sets) {
    const t = scored(pick(s, 'test'));
    byset[s] = { auc: rocAuc(t.p, t.y), n: t.p.length };
  }
  return {
    olid: {
      devThreshold: ob.t,
      devMacroF1: ob.f,
      testMacroF1: macroF1(confusion(ot.p, ot.y, ob.t)),
      testAuc: rocAuc(ot.p, ot.y),
    },
    fox: { testAuc: rocAuc(ft.p, ft.y), testMacroF1: macroF1(confusion(ft.p, ft.y, fb.t)) },
    spans: { testF1: f1(model.spans), testF1Benchmark: f1(model.spansBenchmark) },
    ece: ece10(all.p, all.y),
    clean: {
      n: clean.length,
      refused: clean.filter((d) => of(d).decision === 'refuse').length / clean.length,
      flagged: clean.filter((d) => of(d).decision !== 'publish').length / clean.length,
    },
    refusePrecision: refused.filter((d) => d.abusive).length / Math.max(1, refused.length),
    byset,
  };
}
