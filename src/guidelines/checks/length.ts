import type { CheckResult } from '../pipeline.ts';

// Length rule: a comment says something (at least a few letters) and fits
// the site's limit. Posting also refuses over-long bodies with an error before
// the pipeline runs; this phase keeps the rule for imports, replays and
// parley moderate, which see texts that never went through the form.

export const DEFAULT_MAX_CHARS = 2000;

export function createLengthCheck(limits: { minLetters: number }) {
  return function length(text: string, maxChars = DEFAULT_MAX_CHARS): CheckResult {
    const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (letters < limits.minLetters)
      return { verdict: 'fail', score: 1, reason: `Comments need at least ${limits.minLetters} letters.` };
    const chars = [...text].length;
    if (chars > maxChars)
      return {
        verdict: 'fail',
        score: 1,
        reason: `Comments can be up to ${maxChars} characters; this one has ${chars}.`,
      };
    return { verdict: 'pass', score: 0 };
  };
}
