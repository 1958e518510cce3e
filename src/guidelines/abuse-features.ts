import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { BUCKETS, bucketOf } from './linear-model.ts';

// Features for the abusive and personal-attack classifiers. Insults arrive
// disguised ("1d10t", "stuuupid", "f*ck"), so the text is normalised first;
// word pairs carry who is addressed ("you are"), character n-grams inside words
// carry spellings the training data never saw, and obscenity's curated
// profanity list is one more signal the tweets alone teach poorly.

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Lower case, look-alike digits and symbols inside words as letters, stretched letters cut to two. */
export function normaliseForAbuse(text: string): string {
  return text
    .toLowerCase()
    .replace(/[@$!0-9](?=\p{L})|(?<=\p{L})[@$!0-9]/gu, (c) => LEET[c] ?? c)
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Profanity found by obscenity, leaving out matches without a letter ("455" is a number, not "ass"). */
export function profanityCount(text: string): number {
  let n = 0;
  for (const m of profanity.getAllMatches(text)) if (/\p{L}/u.test(text.slice(m.startIndex, m.endIndex + 1))) n++;
  return n;
}

const SECOND_PERSON = /\b(?:you|your|you're|youre|yourself|u|ur)\b/;

// FNV-1a continued over a slice, so that a character n-gram's bucket is the
// same as bucketOf(`c:${gram}`) without building the string: the features are
// the pipeline's hottest loop.
const FNV_OFFSET = 0x811c9dc5;
function fold(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
const C_PREFIX = fold(FNV_OFFSET, 'c:', 0, 2);

export function abuseFeatures(text: string): number[] {
  const t = normaliseForAbuse(text);
  const ws = t.match(/[\p{L}\p{N}']+/gu) ?? [];
  const out: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    out.push(bucketOf(`w:${w}`));
    if (i > 0) out.push(bucketOf(`b:${ws[i - 1]} ${w}`));
    const p = `^${w}$`;
    for (let n = 2; n <= 5; n++)
      for (let j = 0; j + n <= p.length; j++) out.push((fold(C_PREFIX, p, j, j + n) >>> 0) % BUCKETS);
  }
  // Profanity counts strongly: each match adds four copies of its feature, up to three matches.
  const matches = Math.min(profanityCount(text), 3);
  for (let k = 0; k < matches; k++) for (let r = 0; r < 4; r++) out.push(bucketOf(`lex${k}:${r}`));
  if (SECOND_PERSON.test(t)) out.push(bucketOf('you'));
  return out;
}
