import { assignIncrementingIds, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity';
import type { CheckResult } from '../pipeline.ts';

// A site's own lists: banned words refuse a comment, suspect words hold it
// for a moderator. Whole words and phrases only ("class" does not match
// "ass"), and disguised spellings count: l33t digits, look-alike letters,
// repeated letters and letters split by dots or spaces (obscenity's English
// transformers undo them before matching).

export interface WordListResult extends CheckResult {
  matches: string[];
}

/** Entries are words and phrases: letters, digits, spaces, hyphens and apostrophes. Others are dropped. */
export function usableEntry(word: string): string | undefined {
  const w = word.trim().toLowerCase().replace(/\s+/g, ' ');
  return /\p{L}/u.test(w) && /^[\p{L}\p{N} '’-]+$/u.test(w) ? w : undefined;
}

/** "s.c.o.u.n.d.r.e.l", "s c o u n d r e l": letters split one by one are joined again. */
function joinSpelledOut(text: string): string {
  // the same separator throughout, so that "a s.c.o.u.n.d" keeps its "a"
  return text.replace(/(?<!\p{L})\p{L}([.\-_*\s])(?:\p{L}\1)+\p{L}(?!\p{L})/gu, (m) => m.replace(/[^\p{L}]/gu, ''));
}

/**
 * The forms a text is matched in: spelled-out letters joined, sentence
 * punctuation as space (leet symbols such as $ and @ stay), and runs of three
 * or more of a letter collapsed to one and to two ("scoundreeeel").
 */
function variants(text: string): string[] {
  const base = joinSpelledOut(text).replace(/[.,!?;:"()…“”]+/g, ' ');
  return [...new Set([base, base.replace(/(\p{L})\1{2,}/gu, '$1'), base.replace(/(\p{L})\1{2,}/gu, '$1$1')])];
}

function matcher(words: string[]) {
  const clean = [...new Set(words.map(usableEntry).filter((w): w is string => w !== undefined))];
  if (clean.length === 0) return undefined;
  const terms = assignIncrementingIds(clean.map((w) => parseRawPattern(`|${w}|`)));
  return { words: clean, m: new RegExpMatcher({ blacklistedTerms: terms, ...englishRecommendedTransformers }) };
}

export function createWordListCheck(words: string[], reason: string) {
  const built = matcher(words);
  return function wordList(text: string): WordListResult {
    if (!built) return { verdict: 'pass', score: 0, matches: [] };
    const found = variants(text).flatMap((v) => built.m.getAllMatches(v).map((p) => built.words[p.termId]!));
    if (found.length === 0) return { verdict: 'pass', score: 0, matches: [] };
    return { verdict: 'fail', score: 1, reason, matches: [...new Set(found)] };
  };
}
