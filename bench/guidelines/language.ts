import { readdirSync, readFileSync } from 'node:fs';
import { davidsonTweets, hinglishTweets, olidTweets, withoutTwitterMarks } from '../../scripts/datasets.ts';
import { englishVerdict } from '../../src/guidelines/checks/english.ts';
import { sentencesVerdict } from '../../src/guidelines/checks/sentences.ts';
import { splitOf } from '../../src/guidelines/language-model.ts';
import type { Models } from '../../src/guidelines/models.ts';
import { datasetsDir } from '../../src/shared/datasets.ts';

// "In English, in full sentences": Lingua's sentences in 75 languages, Hinglish
// tweets against English ones (the test split of the sha1 rule), and how often
// the full-sentences rule refuses edited English prose.

const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(2)}%`;

function balanced(positives: string[], negatives: string[], fails: (t: string) => boolean) {
  const tp = positives.filter(fails).length;
  const tn = negatives.length - negatives.filter(fails).length;
  return {
    recall: tp / positives.length,
    specificity: tn / negatives.length,
    balanced: (tp / positives.length + tn / negatives.length) / 2,
  };
}

export function languageFigures(models: Models) {
  console.log('\n== in English, in full sentences');
  const fails = (t: string) => englishVerdict(models, t).verdict === 'fail';
  const dir = `${datasetsDir}langid/sentences/`;
  const foreign: string[] = [];
  const english: string[] = [];
  for (const f of readdirSync(dir))
    for (const line of readFileSync(dir + f, 'utf8').split('\n'))
      if (line.trim() && splitOf(line) === 'test') (f === 'en.txt' ? english : foreign).push(line);
  const lingua = balanced(foreign, english, fails);
  console.log(
    `English rule on Lingua's sentences (test split): other languages refused ${(lingua.recall * 100).toFixed(2)}%, English passed ${(lingua.specificity * 100).toFixed(2)}% (goal: accuracy ≥ 99%)`,
  );
  const tagged = hinglishTweets().filter((t) => splitOf(t.text) === 'test');
  const share = (t: (typeof tagged)[number]) => {
    const hin = t.tokens.filter((x) => x.tag === 'Hin').length;
    return hin / Math.max(1, hin + t.tokens.filter((x) => x.tag === 'Eng').length);
  };
  const englishTweets = [...olidTweets(), ...davidsonTweets()]
    .filter((t) => splitOf(t.text) === 'test')
    .map((t) => withoutTwitterMarks(t.text));
  const mostlyHindi = tagged.filter((t) => share(t) >= 0.5).map((t) => withoutTwitterMarks(t.text));
  const mostlyEnglish = tagged.filter((t) => share(t) < 0.25).map((t) => withoutTwitterMarks(t.text));
  const hi = balanced(mostlyHindi, englishTweets, fails);
  console.log(
    `English rule on mostly-Hindi code-mixed tweets vs English tweets: balanced accuracy ${(hi.balanced * 100).toFixed(2)}% (goal ≥ 97%); English tweets refused ${((1 - hi.specificity) * 100).toFixed(2)}%; code-mixed tweets with under a quarter Hindi words refused ${pct(mostlyEnglish.filter(fails).length, mostlyEnglish.length)} of ${mostlyEnglish.length}`,
  );
  const prose = readFileSync(`${dir}en.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const refused = prose.filter((l) => sentencesVerdict(l).verdict === 'fail');
  console.log(
    `full-sentences rule: refused ${refused.length} of ${prose.length} edited English sentences (${pct(refused.length, prose.length)})${refused.length ? `, e.g. ${JSON.stringify(refused.slice(0, 2))}` : ''}`,
  );
  return {
    linguaAccuracy:
      (lingua.recall * foreign.length + lingua.specificity * english.length) / (foreign.length + english.length),
    hinglishBalanced: hi.balanced,
  };
}
