import { Type } from 'typebox';
import { defineCheck, setting } from '../check.ts';
import type { CheckResult } from '../pipeline.ts';

// Length rule: a comment says something (at least a few letters) and fits
// the site's limit. Posting also refuses over-long bodies with an error before
// the pipeline runs; this phase keeps the rule for imports, replays and
// parley moderate, which see texts that never went through the form.

export const DEFAULT_MAX_CHARS = 5000;

export function lengthVerdict(text: string, minLetters: number, maxChars = DEFAULT_MAX_CHARS): CheckResult {
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters < minLetters)
    return { verdict: 'fail', score: 1, reason: `Comments need at least ${minLetters} letters.` };
  const chars = [...text].length;
  if (chars > maxChars)
    return {
      verdict: 'fail',
      score: 1,
      reason: `Comments can be up to ${maxChars} characters; this one has ${chars}.`,
    };
  return { verdict: 'pass', score: 0 };
}

export const lengthCheck = defineCheck({
  name: 'length',
  rule: { decision: 'refuse', nudge: true, message: 'Your comment is too short or too long for this site.' },
  // the longest comment is the site's comment setting (max length), not part of the policy
  settings: { length: { minLetters: setting(Type.Integer({ minimum: 0, maximum: 1000 }), 2) } },
  run: (p, context, s) => lengthVerdict(p.text, s.length.minLetters, context.maxChars),
});
