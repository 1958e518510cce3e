import { createHash } from 'node:crypto';

// "Is this word English?" as a naive Bayes model over the word itself and its
// character n-grams. Trained by scripts/train-moderation.ts on words tagged
// English or not (Hinglish tokens tagged Hin, Latin-script sentences of other
// languages); the weights are log-likelihood ratios, positive for English.

export interface LanguageModel {
  version: 1;
  /** feature → weight (log P(f|English) − log P(f|other)) */
  weights: Record<string, number>;
  /** weight for a feature never seen in training */
  unseen: number;
}

/** Latin-script words as the model sees them: lower case, letters and apostrophes. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z\u00c0-\u024f']+/g) ?? [])
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length >= 2);
}

export function features(word: string): string[] {
  const out = [`w:${word}`];
  const padded = `^${word}$`;
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
}

/** P(English) of one word, from 0 to 1. */
// Readers use the same few thousand words: each word's probability is kept
// once computed (a long comment cost 10 ms of n-gram lookups without it).
const memo = new WeakMap<LanguageModel, Map<string, number>>();
const MEMO_SIZE = 100_000;

export function englishProbability(model: LanguageModel, word: string): number {
  let seen = memo.get(model);
  if (!seen) {
    seen = new Map();
    memo.set(model, seen);
  }
  const known = seen.get(word);
  if (known !== undefined) return known;
  const p = computeProbability(model, word);
  if (seen.size >= MEMO_SIZE) seen.clear();
  seen.set(word, p);
  return p;
}

function computeProbability(model: LanguageModel, word: string): number {
  const f = features(word);
  // The whole word counts as much as all its n-grams together when it was seen.
  const w = model.weights[f[0]!];
  let ngram = 0;
  for (let i = 1; i < f.length; i++) ngram += model.weights[f[i]!] ?? model.unseen;
  const score = (w === undefined ? 0 : w * 2) + ngram / Math.max(1, Math.sqrt(f.length - 1));
  return 1 / (1 + Math.exp(-score));
}

/**
 * Deterministic split by a hash of the text: one item in ten is the test set
 * (never trained on, reported by bench:moderation), one in ten the development
 * set (never trained on; thresholds are chosen there), the rest trains.
 */
export function splitOf(text: string): 'train' | 'dev' | 'test' {
  const b = createHash('sha1').update(text).digest()[0]! % 10;
  return b === 0 ? 'test' : b === 1 ? 'dev' : 'train';
}

export const isHeldOut = (text: string): boolean => splitOf(text) !== 'train';
