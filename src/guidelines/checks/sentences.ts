import { defineCheck } from '../check.ts';
import type { CheckResult } from '../pipeline.ts';

// Guideline: "Comments have to be in full sentences", as an editor means it:
// real prose, however short. A short complete reply ("Great piece! Thanks.",
// "Well said."), a question ("Necessary for whom?"), an exclamation, a list, a
// quote and a sentence typed in capitals all pass. What fails is what is not
// prose at all: a lone fragment ("lol", "nice", "+1", "FAKE NEWS!!!"), a
// string of emoji, hashtags, mentions or links, keyboard mash ("asdfgh"), and
// word salad (many words with no sentence between them). Definitions and
// examples in docs/guidelines.md.

// Words that make a clause of a few words: auxiliaries, modals and the verbs
// readers use most in short comments.
const VERBS = new Set(
  (
    'am is are was were be been being have has had having do does did done will would shall should can could may might must ' +
    "isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't won't wouldn't can't couldn't shouldn't mustn't " +
    "i'm you're he's she's it's we're they're that's there's here's what's who's i've we've you've they've i'll we'll you'll they'll i'd we'd " +
    'agree agrees agreed disagree disagrees disagreed think thinks thought believe believes believed know knows knew known feel feels felt ' +
    'say says said tell tells told ask asks asked want wants wanted need needs needed like likes liked love loves loved hate hates hated ' +
    'hope hopes hoped wish wishes wished expect expects expected doubt doubts doubted see sees saw seen look looks looked read reads ' +
    'write writes wrote written go goes went gone come comes came make makes made take takes took taken give gives gave given get gets got ' +
    'keep keeps kept let lets put puts seem seems seemed appear appears appeared become becomes became remain remains remained ' +
    'work works worked help helps helped pay pays paid lose loses lost win wins won fail fails failed happen happens happened ' +
    'stop stops stopped start starts started change changes changed support supports supported oppose opposes opposed ' +
    'deserve deserves deserved matter matters mattered mean means meant understand understands understood explain explains explained ' +
    'resign resigns resigned vote votes voted lie lies lied cost costs spend spends spent build builds built run runs ran thank thanks'
  ).split(' '),
);

// The small words that hold sentences together: prose of four words or more
// has some; a heap of nouns and slogans has none.
const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those of to in on at by for from with without about into over under after before than as ' +
    'and or but not no so if because while when where who whom whose which what why how i you he she it we they me him her us them ' +
    'my your his its our their there here all any some every each more most very too also just only even still yet'
  ).split(' '),
);

// Short replies that are complete in themselves, lower case, punctuation aside.
const COMPLETE_REPLIES = new Set([
  'well said',
  'well put',
  'nicely put',
  'agreed',
  'spot on',
  'exactly',
  'absolutely',
  'precisely',
  'indeed',
  'thanks',
  'thank you',
  'hear hear',
  'good point',
  'fair point',
  'not again',
  'how true',
  'so sad',
]);

// Joiners and variation selectors on their own, not as part of a sequence.
const EMOJI_ETC = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\u200d|\ufe0f/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const lower = (w: string) => w.toLowerCase().replace(/’/g, "'");

function neighbourKeys(a: string, b: string): boolean {
  return KEY_ROWS.some((row) => {
    const i = row.indexOf(a);
    const j = row.indexOf(b);
    return i >= 0 && j >= 0 && Math.abs(i - j) === 1;
  });
}

/** A run of keys typed along a keyboard row, a word without vowels, or one letter hammered. */
export function isKeyboardMash(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]{5,}$/.test(w)) return false;
  if (/(.)\1{3,}/.test(w) || !/[aeiouy]/.test(w)) return true;
  let run = 0;
  let best = 0;
  for (let i = 1; i < w.length; i++) {
    run = neighbourKeys(w[i - 1]!, w[i]!) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best >= 3;
}

/** One short sentence written as such: a capital or digit first, one closing mark, not shouted. */
function writtenAsSentence(sentence: string, words: string[]): boolean {
  if (words.length < 2) return false;
  const letters = sentence.match(/\p{L}/gu) ?? [];
  const shouted = letters.length >= 4 && letters.every((c) => !/\p{Ll}/u.test(c));
  return /^[\p{Lu}\p{N}"“'‘(]/u.test(sentence) && /[^.!?…][.!…]["”’)]?$/u.test(sentence) && !shouted;
}

/** A short piece (up to three words): complete when it has a verb, asks, or is written as a sentence or a known reply. */
function shortIsComplete(piece: string): boolean {
  const words = piece.match(WORD) ?? [];
  if (words.length === 0) return false;
  if (words.some((w) => VERBS.has(lower(w)))) return true;
  if (/\?\s*["”’)]?\s*$/.test(piece)) return true;
  // "Spot on, Ramesh." is the reply "spot on" addressed to someone
  const reply = lower(piece.split(',')[0] ?? '')
    .replace(/[^\p{L}\p{N}' ]/gu, '')
    .trim();
  if (COMPLETE_REPLIES.has(reply)) return true;
  return writtenAsSentence(piece.trim(), words);
}

/** The pieces of a short comment: "Great piece! Thanks." is two complete replies. */
function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?…]+[.!?…]*["”’)]?/gu) ?? []).map((s) => s.trim()).filter(Boolean);
}

const FRAGMENT = 'Comments have to be full sentences: say what you think, and why.';

export function sentencesVerdict(text: string): CheckResult {
  const withoutMarks = text
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[@#][\p{L}\p{N}_-]+/gu, ' ')
    .replace(EMOJI_ETC, ' ');
  const words = withoutMarks.match(WORD) ?? [];
  if (words.length === 0) {
    return {
      verdict: 'fail',
      score: 0.95,
      reason: 'Comments need words: emoji, hashtags, mentions or links alone are not a comment.',
    };
  }
  const mash = words.filter(isKeyboardMash).length;
  if (mash > 0 && mash * 2 >= words.length)
    return { verdict: 'fail', score: 0.9, reason: 'This looks like random typing, not a sentence.' };
  if (words.length <= 3) {
    const pieces = sentencesOf(withoutMarks.trim());
    if (pieces.length > 0 && pieces.every(shortIsComplete)) return { verdict: 'pass', score: 0.3 };
    return { verdict: 'fail', score: 0.75, reason: FRAGMENT };
  }
  // A list or a quote is prose of its own kind: items need no verbs.
  const listed = /(^|\n)\s*(?:[-*•]|\d+[.)])\s+\S/.test(text) || /(^|\n)\s*>/.test(text);
  const glue = words.filter((w) => FUNCTION_WORDS.has(lower(w)) || VERBS.has(lower(w))).length;
  if (!listed && glue === 0 && words.length >= 4)
    return { verdict: 'fail', score: 0.7, reason: 'These words do not make a sentence: say what you think, and why.' };
  return { verdict: 'pass', score: 0.05 };
}

export const sentencesCheck = defineCheck({
  name: 'sentences',
  rule: { decision: 'refuse', nudge: true, message: 'Comments have to be in full sentences.' },
  run: (p) => sentencesVerdict(p.text),
});
