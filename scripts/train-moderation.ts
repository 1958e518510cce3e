// npm run train:moderation: trains Parley's own moderation models from the
// labelled data in ../shared/datasets and writes them into src/guidelines/models/
// (committed, loaded at start). Deterministic: same data, same model. Two items
// in ten (by a hash of their text) are never trained on: one for choosing
// thresholds (dev), one for bench:moderation (test).
//
// Models: english.json (which words are English), hinglish.json (Indian
// languages in Latin letters). The abuse models are trained by npm run train:guidelines.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { features, isHeldOut, type LanguageModel, splitOf, words } from '../src/guidelines/language-model.ts';
import { serialise, train } from '../src/guidelines/linear-model.ts';
import { datasetsDir } from '../src/shared/datasets.ts';
import { davidsonTweets, hinglishTweets, olidTweets, withoutTwitterMarks } from './datasets.ts';

const counts = { en: new Map<string, number>(), xx: new Map<string, number>() };
const totals = { en: 0, xx: 0 };
const sizes = { en: 0, xx: 0 };

function add(cls: 'en' | 'xx', word: string): void {
  sizes[cls]++;
  for (const f of features(word)) {
    counts[cls].set(f, (counts[cls].get(f) ?? 0) + 1);
    totals[cls]++;
  }
}

// Hinglish: every token is tagged. Hindi words in Latin letters are what
// ordinary detectors miss; the English ones in the same tweets are English.
for (const t of hinglishTweets()) {
  if (isHeldOut(t.text)) continue;
  for (const tok of t.tokens) {
    const [w] = words(tok.token);
    if (!w || w.length < 2) continue;
    if (tok.tag === 'Hin') add('xx', w);
    else if (tok.tag === 'Eng') add('en', w);
  }
}

// English tweets (OLID), without Twitter's own tokens.
for (const t of olidTweets()) {
  if (isHeldOut(t.text)) continue;
  for (const w of words(t.text.replace(/@USER|URL/g, ' '))) add('en', w);
}

// Sentences in 75 languages: English ones are English, the other Latin-script ones are not.
const sentences = `${datasetsDir}langid/sentences/`;
for (const file of readdirSync(sentences)) {
  const lang = file.replace(/\.txt$/, '');
  for (const line of readFileSync(sentences + file, 'utf8').split('\n')) {
    if (!line.trim() || isHeldOut(line)) continue;
    for (const w of words(line)) add(lang === 'en' ? 'en' : 'xx', w);
  }
}

const vocabulary = new Set([...counts.en.keys(), ...counts.xx.keys()]);
const V = vocabulary.size;
const weights: Record<string, number> = {};
let kept = 0;
for (const f of vocabulary) {
  const e = counts.en.get(f) ?? 0;
  const x = counts.xx.get(f) ?? 0;
  // Rare features carry more noise than knowledge, and make the file large.
  if (e + x < (f.startsWith('w:') ? 2 : 4)) continue;
  const w = Math.log((e + 1) / (totals.en + V)) - Math.log((x + 1) / (totals.xx + V));
  if (Math.abs(w) < 0.2) continue;
  weights[f] = Math.round(w * 100) / 100;
  kept++;
}
const model: LanguageModel & { trainedOn: unknown } = {
  version: 1,
  unseen: Math.round((Math.log(1 / (totals.en + V)) - Math.log(1 / (totals.xx + V))) * 100) / 100,
  weights,
  trainedOn: {
    englishWords: sizes.en,
    otherWords: sizes.xx,
    features: kept,
    heldOut: 'test: first byte of sha1(text) % 10 == 0; dev: == 1; neither is trained on',
  },
};
const out = new URL('../src/guidelines/models/english.json', import.meta.url).pathname;
writeFileSync(out, JSON.stringify(model));
console.log(
  `english model: ${sizes.en} English and ${sizes.xx} other words → ${kept} features, ${(Buffer.byteLength(JSON.stringify(model)) / 1e6).toFixed(2)} MB → ${out}`,
);

// Indian languages typed in Latin letters: a comment-level classifier, because
// the evidence is spread over a sentence's words and grammar. Positives: the
// code-mixed tweets; negatives: English tweets (OLID, Davidson) and English
// sentences.
const english = readFileSync(`${sentences}en.txt`, 'utf8').split('\n').filter(Boolean);
const examples = [
  ...hinglishTweets().map((t) => ({ raw: t.text, text: withoutTwitterMarks(t.text), label: 1 as const })),
  ...olidTweets().map((t) => ({ raw: t.text, text: withoutTwitterMarks(t.text), label: 0 as const })),
  ...davidsonTweets().map((t) => ({ raw: t.text, text: withoutTwitterMarks(t.text), label: 0 as const })),
  ...english.map((t) => ({ raw: t, text: t, label: 0 as const })),
].filter((e) => splitOf(e.raw) === 'train');
const started = Date.now();
const hinglish = train(examples, { epochs: 4, rate: 0.5, l2: 1e-6 });
const hinglishOut = new URL('../src/guidelines/models/hinglish.json', import.meta.url).pathname;
const json = serialise(hinglish, {
  trainedOn: { examples: examples.length, positives: examples.filter((e) => e.label === 1).length },
});
writeFileSync(hinglishOut, json);
console.log(
  `hinglish model: ${examples.length} examples in ${((Date.now() - started) / 1000).toFixed(1)} s, ${(json.length / 1e6).toFixed(2)} MB → ${hinglishOut}`,
);
