import { defineCheck } from '../check.ts';
import type { CheckResult } from '../pipeline.ts';

// Guideline: "Comments have to be in full sentences." Real prose, not
// fragments ("lol", "nice", "+1", "FAKE NEWS!!!"), not shouting in capitals,
// not strings of emoji, hashtags, mentions or links. A short complete
// sentence ("I agree with the minister on this.") passes. The definition and
// its reasons are in docs/guidelines.md.

// Words that make a clause of a few words: auxiliaries, modals and the verbs
// readers use most in short comments. A longer comment is taken as prose
// without looking for a verb, since a lexicon can never be complete.
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
    'resign resigns resigned vote votes voted lie lies lied cost costs spend spends spent build builds built run runs ran'
  ).split(' '),
);

// Joiners and variation selectors on their own, not as part of a sequence.
const EMOJI_ETC = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\u200d|\ufe0f/gu;

export function sentencesVerdict(text: string): CheckResult {
  const withoutMarks = text
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[@#][\p{L}\p{N}_-]+/gu, ' ')
    .replace(EMOJI_ETC, ' ');
  const words = withoutMarks.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

  if (words.length === 0) {
    return {
      verdict: 'fail',
      score: 0.95,
      reason: 'Comments need words: emoji, hashtags, mentions or links alone are not a comment.',
    };
  }
  const letters = withoutMarks.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  if (letters.length >= 12 && upper / letters.length >= 0.7) {
    return { verdict: 'fail', score: 0.85, reason: 'Please do not write in capital letters: it reads as shouting.' };
  }
  if (words.length <= 3) {
    const hasVerb = words.some((w) => VERBS.has(w.toLowerCase().replace(/’/g, "'")));
    if (!hasVerb)
      return {
        verdict: 'fail',
        score: 0.75,
        reason: 'Comments have to be full sentences: say what you think, and why.',
      };
  }
  return { verdict: 'pass', score: words.length <= 3 ? 0.3 : 0.05 };
}

export const sentencesCheck = defineCheck({
  name: 'sentences',
  rule: { decision: 'refuse', nudge: true, message: 'Comments have to be in full sentences.' },
  run: (p) => sentencesVerdict(p.text),
});
