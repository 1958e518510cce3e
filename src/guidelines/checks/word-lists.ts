import { assignIncrementingIds, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity';
import { Type } from 'typebox';
import type { CheckResult } from '../pipeline.ts';

// A site's own lists (checks banned.ts and suspect.ts): whole words and
// phrases only ("class" does not match "ass"), and disguised spellings count:
// l33t digits, look-alike letters, repeated letters and letters split by dots
// or spaces (obscenity's English transformers undo them before matching).

/** A list as the policy stores it. */
export const Words = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5000 });

export interface WordListResult extends CheckResult {
  matches: string[];
  /** the entries as they stand in the text, for the author and the moderators */
  spans?: { start: number; end: number; type: string }[];
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

function matcher(words: readonly string[]) {
  const clean = [...new Set(words.map(usableEntry).filter((w): w is string => w !== undefined))];
  if (clean.length === 0) return undefined;
  const terms = assignIncrementingIds(clean.map((w) => parseRawPattern(`|${w}|`)));
  return { words: clean, m: new RegExpMatcher({ blacklistedTerms: terms, ...englishRecommendedTransformers }) };
}

// A list is compiled once per policy (the same array), not once per comment.
const compiled = new WeakMap<readonly string[], ReturnType<typeof matcher>>();

function compiledFor(words: readonly string[]): ReturnType<typeof matcher> {
  if (!compiled.has(words)) compiled.set(words, matcher(words));
  return compiled.get(words);
}

/** The list's entries the text uses; a failure, with `reason`, when there is any. */
export function wordListVerdict(words: readonly string[], text: string, reason: string): WordListResult {
  const built = compiledFor(words);
  if (!built) return { verdict: 'pass', score: 0, matches: [] };
  const found = variants(text).flatMap((v) => built.m.getAllMatches(v).map((p) => built.words[p.termId]!));
  if (found.length === 0) return { verdict: 'pass', score: 0, matches: [] };
  const matches = [...new Set(found)];
  return { verdict: 'fail', score: 1, reason, matches, spans: spansOf(matches, text) };
}

/** Where the entries stand as written (a disguised spelling is named in `matches` but not marked). */
function spansOf(matches: string[], text: string): { start: number; end: number; type: string }[] {
  const spans: { start: number; end: number; type: string }[] = [];
  for (const word of matches) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'listed' });
  }
  return spans.sort((a, b) => a.start - b.start);
}
