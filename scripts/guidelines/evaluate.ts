import { bestThreshold as best, calibrationError, confusion, macroF1, rocAuc } from '../../src/guidelines/metrics.ts';
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

const FINE = { from: 0.05, to: 0.95, step: 0.01 };
const bestThreshold = (p: number[], y: number[]) => {
  const b = best(p, y, FINE);
  return { t: b.threshold, f: b.macroF1 };
};

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
    ece: calibrationError(all.p, all.y),
    clean: {
      n: clean.length,
      refused: clean.filter((d) => of(d).decision === 'refuse').length / clean.length,
      flagged: clean.filter((d) => of(d).decision !== 'publish').length / clean.length,
    },
    refusePrecision: refused.filter((d) => d.abusive).length / Math.max(1, refused.length),
    byset,
  };
}
