import { foxComments, olidTweets, toxicSpansPosts, withoutTwitterMarks } from '../../scripts/datasets.ts';
import type { Guidelines } from '../../src/guidelines/guidelines.ts';
import { splitOf } from '../../src/guidelines/language-model.ts';
import { bestThreshold, confusion, macroF1, precisionRecallF1, rocAuc } from '../../src/guidelines/metrics.ts';
import type { GuidelinesModel } from '../../src/guidelines/model/analyse.ts';
import { analyse } from '../../src/guidelines/model/analyse-fast.ts';
import { judge as judgeModel, spansOf, tokensOn } from '../../src/guidelines/model/spans.ts';

// The abuse and personal-attack rules on labelled data of others: OLID's test
// split (tweets), Fox News comment threads, SemEval-2021's toxic spans test
// set (Civil Comments news-site posts). "model" is the calibrated probability
// alone (ROC-AUC, and F1 at the hold band); "rule" is what posting does: the
// whole pipeline's decision on the rule (held or refused).

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(name: string, scores: number[], labels: number[], threshold: number, failed: number[]) {
  const m = confusion(scores, labels, threshold);
  const r = precisionRecallF1(m);
  const a = confusion(failed, labels, 0.5);
  const ra = precisionRecallF1(a);
  console.log(
    `${name}: ${labels.filter(Boolean).length} positives of ${labels.length}; model ROC-AUC ${rocAuc(scores, labels).toFixed(3)}, at the hold band ${threshold}: precision ${pct(r.precision)}, recall ${pct(r.recall)}, macro-F1 ${macroF1(m).toFixed(3)}; rule (held or refused): precision ${pct(ra.precision)}, recall ${pct(ra.recall)}, macro-F1 ${macroF1(a).toFixed(3)}`,
  );
  return { auc: rocAuc(scores, labels), macroF1: macroF1(a) };
}

export function outsideFigures(guidelines: Guidelines, model: GuidelinesModel) {
  const failedOn = (rule: string) => (t: string) => (guidelines.judge(t).checks[rule]!.verdict === 'fail' ? 1 : 0);
  console.log('\n== abuse and personal attacks on data of others');

  const olid = olidTweets()
    .filter((t) => splitOf(t.text) === 'test')
    .map((t) => ({ text: withoutTwitterMarks(t.text), off: t.a === 'OFF' ? 1 : 0, ind: t.c === 'IND' ? 1 : 0 }));
  const judged = olid.map((e) => judgeModel(model, e.text));
  report(
    'OLID subtask A (offensive), test split, abusive rule',
    judged.map((j) => j.abuse),
    olid.map((e) => e.off),
    model.bands.abuse.hold,
    olid.map((e) => Math.max(failedOn('abusive')(e.text), failedOn('personal')(e.text))),
  );
  // the model at the threshold with the best macro-F1 on OLID's dev split: comparable with the published figures
  const dev = olidTweets()
    .filter((t) => splitOf(t.text) === 'dev')
    .map((t) => ({ p: judgeModel(model, withoutTwitterMarks(t.text)).abuse, y: t.a === 'OFF' ? 1 : 0 }));
  const best = bestThreshold(
    dev.map((d) => d.p),
    dev.map((d) => d.y),
    { from: 0.05, to: 0.95, step: 0.01 },
  );
  const atDev = macroF1(
    confusion(
      judged.map((j) => j.abuse),
      olid.map((e) => e.off),
      best.threshold,
    ),
  );
  console.log(
    `  model at the dev split's best threshold (${best.threshold.toFixed(2)}): macro-F1 ${atDev.toFixed(3)}; published on the official test set (not in our data): SVM 0.69, BiLSTM 0.75, CNN 0.80 (the goal), BERT 0.829`,
  );
  report(
    'OLID targeted insult at an individual (subtask C IND), test split, personal rule',
    judged.map((j) => j.personal),
    olid.map((e) => e.ind),
    model.bands.personal.hold,
    olid.map((e) => failedOn('personal')(e.text)),
  );

  const fox = foxComments();
  const foxJudged = fox.map((f) => judgeModel(model, f.text));
  const foxFailed = fox.map((f) => {
    const r = guidelines.judge(f.text);
    return r.checks.abusive!.verdict === 'fail' || r.checks.personal!.verdict === 'fail' ? 1 : 0;
  });
  report(
    'Fox News comments (all 10 threads; the model was trained on some of them), hateful vs not',
    foxJudged.map((j) => j.abuse),
    fox.map((f) => f.label),
    model.bands.abuse.hold,
    foxFailed,
  );
  const clean = fox.map((f, i) => ({ f, i })).filter(({ f }) => f.label === 0);
  const results = clean.map(({ f }) => guidelines.judge(f.text));
  const byAbuse = (r: (typeof results)[number], d: string) =>
    r.decision === d && r.reasons.some((x) => x.rule === 'abusive' || x.rule === 'personal');
  const count = (d: string) => results.filter((r) => r.decision === d).length;
  console.log(
    `  Fox civil comments through the whole pipeline: refused ${pct(count('refuse') / clean.length)} (by the abuse or personal rule ${pct(results.filter((r) => byAbuse(r, 'refuse')).length / clean.length)}; the rest are fragments and the like, by the sentences rule), held ${pct(count('hold') / clean.length)} (by the abuse or personal rule ${pct(results.filter((r) => byAbuse(r, 'hold')).length / clean.length)}) of ${clean.length} (goal: wrongly refused ≤ 0.5%, refused or held ≤ 2%)`,
  );

  // SemEval-2021 Task 5's measure: per post, F1 of the predicted characters against the gold ones
  // (1 when both are empty), averaged over the posts. "Shown" are the words an author sees (only when
  // the comment is held or refused, or abuse reaches the model's gate); "tagger" marks words on every post.
  const tsd = toxicSpansPosts('test');
  const spanF1 = (spansFor: (text: string) => { start: number; end: number }[]) => {
    let sum = 0;
    for (const post of tsd) {
      const predicted = new Set<number>();
      for (const s of spansFor(post.text)) for (let c = s.start; c < s.end; c++) predicted.add(c);
      const gold = new Set(post.offsets);
      if (gold.size === 0) sum += predicted.size === 0 ? 1 : 0;
      else if (predicted.size > 0) {
        const hit = [...predicted].filter((c) => gold.has(c)).length;
        sum += hit === 0 ? 0 : (2 * hit) / (predicted.size + gold.size);
      }
    }
    return (100 * sum) / tsd.length;
  };
  const shown = spanF1((t) => judgeModel(model, t).spans);
  const tagger = spanF1((t) => {
    const a = analyse(model, t);
    return spansOf(a, t, tokensOn(a, model.spans), model.spans.typeWeights);
  });
  // the decoding tuned for SemEval's measure (it always marks a word: every test post is toxic)
  const benchmark = spanF1((t) => {
    const a = analyse(model, t);
    return spansOf(a, t, tokensOn(a, model.spansBenchmark), model.spansBenchmark.typeWeights);
  });
  console.log(
    `SemEval-2021 toxic spans, official test set (${tsd.length} Civil Comments posts, all toxic): span F1 ${benchmark.toFixed(2)} with the decoding tuned for the task, ${tagger.toFixed(2)} with the product's, ${shown.toFixed(2)} of the words shown to authors (only on held or refused comments) (goal 70; best published 70.83)`,
  );
  return { spanF1: benchmark };
}
