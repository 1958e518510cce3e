import { K1 } from '../model/analyse.ts';
import type { Token } from '../model/tokens.ts';

// Words in context: an insult is personal when it is said OF a person. The
// model's per-word tagger knows which words insult ("moron", "parasite") but,
// trained mostly on tweets, it under-weights how news readers aim them: "the
// reporter is an ignorant moron", "Neha, you are a ...", "you pathetic troll".
// This reads that grammar on the tokens: a person (you, he/she, a name, an
// office or a role a newspaper's readers argue about) as the subject of a
// copula, or "you" straight before the words; the predicate runs to the next
// clause ("who", "and", a comma). The criticism of what a person did ("the
// minister's plan is a fraud", "a useless policy") has a thing as its subject
// and is left alone. Pure: tokens and the tagger's probabilities in, the
// strongest aimed insult out.

const PERSONS = new Set(
  (
    'you u ya he she they him her i ' +
    'minister ministers pm cm mp mps mla mlas mlc president chairman chairperson speaker governor mayor leader leaders ' +
    'spokesperson spokesman spokeswoman judge judges justice cji officer officers dgp collector commissioner secretary ' +
    'reporter reporters journalist journalists anchor anchors editor editors writer writers author authors columnist ' +
    'columnists correspondent economist economists expert experts analyst coach captain player players bowler batsman ' +
    'umpire referee selectors principal teacher teachers professor vice-chancellor doctor doctors ceo founder chief ' +
    'candidate councillor corporator guy guys man men woman women girl boy person people fellow uncle aunty lady ' +
    'commenter commenters troll trolls mr mrs ms dr shri smt sir madam'
  ).split(' '),
);
const COPULAS = new Set(['is', 'are', 'was', 'were', "'s", 'r', 'am', 'be', 'being', 'been']);
const BETWEEN = new Set([
  'a',
  'an',
  'the',
  'such',
  'just',
  'really',
  'clearly',
  'truly',
  'always',
  'obviously',
  'nothing',
  'but',
  'total',
  'complete',
  'utter',
  'absolute',
  'must',
  'should',
  'will',
  'would',
  'also',
  'still',
  'one',
  'of',
  'biggest',
  'so',
  'too',
  'very',
  'quite',
  'all',
  'habitual',
]);
const NEGATIONS = new Set(['not', "isn't", "aren't", "wasn't", "weren't", 'never', 'no']);
const CLAUSE_END = new Set(['who', 'that', 'which', 'and', 'because', 'but', 'if', 'when', 'to', 'for', 'in', 'with']);
/** how many words a predicate may have before its head: "a senile old man", "the most incompetent finance minister" */
const PREDICATE_WORDS = 5;

export interface AimedInsult {
  /** the strongest word's abusive probability by the tagger (1 − P(none)) */
  score: number;
  start: number;
  end: number;
}

/**
 * The predicate words aimed at a person, with the strongest one's score.
 * `text` is the original text (offsets of the tokens), used only to see clause
 * breaks (commas, full stops) between tokens.
 */
export function aimedInsult(text: string, toks: Token[], probs: Float64Array): AimedInsult | undefined {
  let best: AimedInsult | undefined;
  const breakBefore = (i: number) => i > 0 && /[,.;:!?()"“”]/.test(text.slice(toks[i - 1]!.end, toks[i]!.start));
  const consider = (from: number) => {
    for (let j = from, n = 0; j < toks.length && n < PREDICATE_WORDS + 3; j++, n++) {
      if (j > from && breakBefore(j)) break;
      const w = toks[j]!.norm;
      if (CLAUSE_END.has(w) && j > from) break;
      if (NEGATIONS.has(w)) return;
      if (BETWEEN.has(w)) continue;
      // insult, identity attack and profanity; a threat is the abusive check's
      const b = j * K1;
      const score = probs[b + 1]! + probs[b + 3]! + probs[b + 4]!;
      if (!best || score > best.score) best = { score, start: toks[j]!.start, end: toks[j]!.end };
    }
  };
  // a capitalised word inside a sentence: a name ("Minister Sudhir Naik is ...")
  const isName = (i: number) => i > 0 && !breakBefore(i) && /^\p{Lu}/u.test(text[toks[i]!.start]!);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.norm;
    const person = PERSONS.has(w) || isName(i);
    if (!person) continue;
    // "the minister's plan": the person owns the subject; the words are about the plan
    if (text.slice(toks[i]!.end, toks[i]!.end + 2).match(/^['’]s/) && w !== 'he' && w !== 'she') continue;
    let j = i + 1;
    while (j < toks.length && isName(j)) j++; // "Minister Sudhir Naik"
    while (j < toks.length && ['clearly', 'really', 'just', 'must', 'always', 'obviously'].includes(toks[j]!.norm)) j++;
    const next = toks[j]?.norm;
    if (next && COPULAS.has(next) && !breakBefore(j)) consider(j + 1);
    else if (w === 'you' && next && !breakBefore(j)) consider(j); // "you pathetic little troll"
  }
  return best;
}
