// bench:moderation: quality of Parley's own checks on held-out data that
// training never saw (the test split: items whose sha1(text) starts with a
// byte divisible by 10; thresholds were chosen on the separate dev split),
// with throughput on one core, model sizes and load times.
//
// Rules: English, full sentences, abusive, personal attack; then the whole
// pipeline's speed (the English, sentences, abusive and personal rules, word
// lists, spam and trust) on one core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { davidsonTweets, hinglishTweets, olidTweets, withoutTwitterMarks } from '../scripts/datasets.ts';
import { englishVerdict } from '../src/guidelines/checks/english.ts';
import { sentencesVerdict } from '../src/guidelines/checks/sentences.ts';
import { createGuidelines } from '../src/guidelines/guidelines.ts';
import { splitOf } from '../src/guidelines/language-model.ts';
import { confusion, macroF1, precisionRecallF1, rocAuc } from '../src/guidelines/metrics.ts';
import { judge as judgeAbuse } from '../src/guidelines/model/spans.ts';
import { loadModels } from '../src/guidelines/models.ts';
import { datasetSkipReason, datasetsDir } from '../src/shared/datasets.ts';

if (datasetSkipReason('langid')) process.exit(2);
// Thresholds are chosen with BENCH_SPLIT=dev; the figures to report are the test split's.
const SPLIT = process.env.BENCH_SPLIT === 'dev' ? 'dev' : 'test';
console.log(`split: ${SPLIT}`);

const t0 = performance.now();
const models = loadModels();
const loadMs = performance.now() - t0;
const english = (text: string) => englishVerdict(models, text);

function report(name: string, positives: string[], negatives: string[], isPositive: (t: string) => boolean) {
  const tp = positives.filter(isPositive).length;
  const fn = positives.length - tp;
  const fp = negatives.filter(isPositive).length;
  const tn = negatives.length - fp;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  const accuracy = (tp + tn) / (positives.length + negatives.length);
  const balanced = (recall + tn / negatives.length) / 2;
  console.log(
    `${name}: ${positives.length} positives, ${negatives.length} negatives; precision ${(precision * 100).toFixed(2)}%, recall ${(recall * 100).toFixed(2)}%, F1 ${(f1 * 100).toFixed(2)}%, accuracy ${(accuracy * 100).toFixed(2)}%, balanced accuracy ${(balanced * 100).toFixed(2)}%`,
  );
  return { accuracy, balanced };
}

const fails = (t: string) => english(t).verdict === 'fail';

// 1. Lingua's sentences in 75 languages: is it English?
const dir = `${datasetsDir}langid/sentences/`;
const notEnglish: string[] = [];
const englishSentences: string[] = [];
for (const f of readdirSync(dir)) {
  for (const line of readFileSync(dir + f, 'utf8').split('\n')) {
    if (!line.trim() || splitOf(line) !== SPLIT) continue;
    (f === 'en.txt' ? englishSentences : notEnglish).push(line);
  }
}
const lingua = report('English rule on Lingua sentences (positive = not English)', notEnglish, englishSentences, fails);
console.log(`  → accuracy ${(lingua.accuracy * 100).toFixed(2)}% (goal ≥ 99%)`);

// 2. Hinglish tweets against English tweets.
const hinglish = hinglishTweets()
  .filter((t) => splitOf(t.text) === SPLIT)
  .map((t) => withoutTwitterMarks(t.text));
const englishTweets = [...olidTweets(), ...davidsonTweets()]
  .filter((t) => splitOf(t.text) === SPLIT)
  .map((t) => withoutTwitterMarks(t.text));
const hi = report('English rule on Hinglish vs English tweets (positive = Hinglish)', hinglish, englishTweets, fails);
console.log(`  → balanced accuracy ${(hi.balanced * 100).toFixed(2)}% (goal ≥ 97%)`);
// The rule's own definition: a comment mostly in Hindi is refused, English with
// a few Hindi words is not. By the dataset's own token tags, the tweets whose
// words are mostly Hindi, and those mostly English, measured apart.
const tagged = hinglishTweets().filter((t) => splitOf(t.text) === SPLIT);
const share = (t: (typeof tagged)[number]) => {
  const hin = t.tokens.filter((x) => x.tag === 'Hin').length;
  const eng = t.tokens.filter((x) => x.tag === 'Eng').length;
  return hin / Math.max(1, hin + eng);
};
const mostlyHindi = tagged.filter((t) => share(t) >= 0.5).map((t) => withoutTwitterMarks(t.text));
const mostlyEnglish = tagged.filter((t) => share(t) < 0.25).map((t) => withoutTwitterMarks(t.text));
const mh = report(
  'English rule on mostly-Hindi code-mixed tweets (≥ 50% Hindi words) vs English tweets',
  mostlyHindi,
  englishTweets,
  fails,
);
console.log(
  `  → balanced accuracy ${(mh.balanced * 100).toFixed(2)}%; code-mixed tweets with under 25% Hindi words refused: ${((mostlyEnglish.filter(fails).length / Math.max(1, mostlyEnglish.length)) * 100).toFixed(1)}% of ${mostlyEnglish.length}`,
);

// 3. Full sentences. No labelled set exists for this rule; what can be measured
// is how often it wrongly refuses real sentences (all 500 English Lingua lines,
// which are edited web prose) and how it treats tweets (which often are not).
const allEnglish = readFileSync(`${dir}en.txt`, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const wrong = allEnglish.filter((l) => sentencesVerdict(l).verdict === 'fail');
console.log(
  `full-sentences rule: refused ${wrong.length} of ${allEnglish.length} English sentences (${((wrong.length / allEnglish.length) * 100).toFixed(2)}%)${wrong.length ? `, e.g. ${JSON.stringify(wrong.slice(0, 3))}` : ''}`,
);
const tweets = olidTweets().map((t) => t.text.replace(/@USER|URL/g, ' ').trim());
console.log(
  `full-sentences rule: refused ${((tweets.filter((t) => sentencesVerdict(t).verdict === 'fail').length / tweets.length) * 100).toFixed(1)}% of OLID tweets (tweets are often fragments)`,
);

// 4. Abusive and personal attack, on OLID's test split (Twitter's marks removed,
// as in training). "model" is the classifier alone at its threshold (chosen on
// the dev split), comparable with the published figures; "rule" is what
// posting applies: the score must come with insulting words (or be near
// certain), and a personal attack must also name a target.
const { judge } = createGuidelines();
const olid = olidTweets()
  .filter((t) => splitOf(t.text) === SPLIT)
  .map((t) => ({ text: withoutTwitterMarks(t.text), off: t.a === 'OFF' ? 1 : 0, ind: t.c === 'IND' ? 1 : 0 }));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
for (const [rule, model, label, published] of [
  [
    'abusive',
    'abuse',
    (e: (typeof olid)[number]) => e.off,
    'published on the official test set: SVM 0.69, BiLSTM 0.75, CNN 0.80 (goal 0.80), best (BERT) 0.829',
  ],
  [
    'personal',
    'personal',
    (e: (typeof olid)[number]) => e.ind,
    'no published figure for "individual vs. everything else"; subtask C (IND/GRP/OTH) best 0.660',
  ],
] as const) {
  const labels = olid.map(label);
  const scores = olid.map((e) => judgeAbuse(models.guidelines, e.text)[model]);
  const threshold = models.guidelines.bands[model].hold;
  const m = confusion(scores, labels, threshold);
  const r = precisionRecallF1(m);
  console.log(
    `${rule} (OLID ${rule === 'abusive' ? 'subtask A, offensive' : 'targeted insult at an individual'}): ${labels.filter(Boolean).length} positives of ${labels.length}`,
  );
  console.log(
    `  model: precision ${pct(r.precision)}, recall ${pct(r.recall)}, F1 ${pct(r.f1)}, ROC-AUC ${rocAuc(scores, labels).toFixed(4)}, macro-F1 ${macroF1(m).toFixed(4)} at the hold band ${threshold} (${published})`,
  );
  const fails = olid.map((e) => (judge(e.text).checks[rule]!.verdict === 'fail' ? 1 : 0));
  const a = confusion(fails, labels, 0.5);
  const ra = precisionRecallF1(a);
  console.log(
    `  rule:  precision ${pct(ra.precision)}, recall ${pct(ra.recall)}, F1 ${pct(ra.f1)}, macro-F1 ${macroF1(a).toFixed(4)}`,
  );
}
// News-style criticism the rules must let through, and attacks they must not (written for Parley).
const criticism = [
  'This policy is a disgrace and the ministry should be ashamed of it.',
  'The fisheries deal is a shambles, frankly.',
  'The talks will fail because neither side trusts the other.',
  'The government has failed the fishermen again, and the opposition is no better.',
  'The referee was blind and the decision was a joke.',
  'Their economic plan makes no sense to me at all.',
];
const attacks = [
  'You are an idiot and everyone here knows it.',
  'Whoever wrote this is a moron.',
  'Ravi, you are a liar and a coward.',
  'Shut up, you pathetic little troll.',
];
const passed = criticism.filter((t) => judge(t).decision === 'publish').length;
const caught = attacks.filter((t) => judge(t).checks.personal!.verdict === 'fail').length;
console.log(
  `written examples: ${passed} of ${criticism.length} criticisms published, ${caught} of ${attacks.length} personal attacks caught`,
);

// 5. Speed on one core: the whole pipeline per comment (the author-history
// checks get an empty history, as parley moderate gives them).
const sample = [...englishTweets, ...hinglish, ...olid.map((e) => e.text)];
const times: number[] = [];
const start = performance.now();
let n = 0;
while (performance.now() - start < 4000) {
  for (const t of sample) {
    const t1 = performance.now();
    judge(t, { repeatsOwnText: false, lastTenMinutes: 0, knownSpam: false });
    times.push(performance.now() - t1);
    n++;
  }
}
const seconds = (performance.now() - start) / 1000;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
console.log(
  `throughput: ${Math.round(n / seconds)} comments/s on one core through the whole pipeline (goal 5,000); per comment p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (goal p99 < 5 ms)`,
);

const size = (f: string) => statSync(new URL(`../src/guidelines/models/${f}`, import.meta.url)).size;
const files = readdirSync(new URL('../src/guidelines/models/', import.meta.url)).filter((f) => f.endsWith('.json'));
const total = files.reduce((a, f) => a + size(f), 0);
console.log(
  `models: ${files.map((f) => `${f} ${(size(f) / 1e6).toFixed(2)} MB`).join(', ')}; ${(total / 1e6).toFixed(2)} MB in all (goal < 20 MB); loaded in ${loadMs.toFixed(0)} ms (goal < 1 s)`,
);
