import { mix2, strHash } from '../model/hashing.ts';
import { bucketize, logit1, type Sparse, sigmoid } from '../model/sparse.ts';
import { tokenize } from '../model/tokens.ts';

// A small model of spam's words (scripts/spam/train.ts): what sellers write
// ("earn", "per week", "WhatsApp", "use my code", "guaranteed") as opposed to
// readers discussing the same subjects. Words, word pairs and the marks of
// selling that words do not show: a phone number, an e-mail address, a link
// or a shortened one, a price with a period, a percentage.

const SEED = 0x5f3759df;
const NS_WORD = 0x51;
const NS_PAIR = 0x52;
const NS_MARK = 0x53;
const NS_GRAM = 0x54;

const MARKS: [name: string, pattern: RegExp][] = [
  ['phone', /(?:\+?\d{1,3}[\s.-]?)?(?:\d[\s.-]?){9}\d\b/],
  [
    'phone-words',
    /\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|double|triple|nau|aath|saat|chhe|paanch|chaar|teen|do|ek)[\s,-]+){6,}\w+/i,
  ],
  ['keycaps', /\d\uFE0F?\u20E3/u],
  ['email', /\b[\w.+-]+@[\w-]+\.[\w.]+\b/],
  ['shortener', /\b(?:bit\.ly|tinyurl\.com|goo\.gl|cutt\.ly|rb\.gy|is\.gd|wa\.me|t\.me)\//i],
  ['handle', /(?:^|\s)@[a-z0-9_]{3,}/i],
  [
    'money-period',
    /(?:₹|\brs\.?\s?|\$|£|€|\b(?:inr|aud|cad|usd|aed)\s?)[\d,.]+\s?(?:k|lakh|lac)?\s*(?:\/|per|a|an|every)\s*(?:hour|hr|day|week|month|year)/i,
  ],
  ['percent', /\d+\s?%/],
  // readers cite courts, governments, universities and newspapers; sellers do not
  ['shouting', /\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b/],
  ['exclaim', /!{2,}/],
];

export interface SpamModel extends Sparse {
  /** the probability from which a comment is held */
  threshold: number;
}

/** The marks that show a way to be reached or a price: spam needs one, or a near-certain score. */
export const REACH_MARKS = new Set([
  'phone',
  'phone-words',
  'keycaps',
  'email',
  'link',
  'shortener',
  'handle',
  'money-period',
  'solicit',
]);

// An invitation to get in touch off the page ("WhatsApp me", "DM us", "contact Guru ji", "see my
// profile", "join my group"): a way to be reached that carries no number or link. Not a feature of the
// model (it was trained without it); it only lets the model's reading count as selling.
const SOLICIT =
  /\b(?:whats\s?app|dm|inbox|ping|message|call|contact|text|join|register|sign\s?up|download|order|book|enrol+)\s+(?:me|us|now|today|free|my|our|on|at|for|guru|baba|pandit|acharya|ji)\b|\b(?:see|visit|check)\s+(?:my|our)\s+(?:profile|bio|page|channel|group)\b|\b(?:link|number)\s+(?:is\s+)?(?:in|on)\s+(?:my|our|the)\s+(?:bio|profile|image)\b|\blink\s+neeche\b|\byoutu\.be\//i;

const ADDRESSES =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|in|io|net|org|uk|au|ca|app|xyz|site|online|info|biz)\b\S*/gi;
// readers cite courts, governments, universities and newspapers; sellers do not
const SOURCE =
  /\.(?:gov|gov\.in|nic\.in|gov\.uk|gov\.au|gc\.ca|edu|ac\.in|ac\.uk|int)\b|\b(?:sci\.gov|indiankanoon|livelaw|barandbench|prsindia|rbi\.org|thehindu|indianexpress|hindustantimes|bbc\.co|theguardian|reuters|apnews|nytimes|cbc\.ca|abc\.net)\b/i;

/** The marks of selling found in a text: a link to a source is a citation, any other a way to be reached. */
export function sellingMarks(text: string): string[] {
  const marks = MARKS.filter(([, re]) => re.test(text)).map(([name]) => name);
  const addresses = text.match(ADDRESSES) ?? [];
  const sources = addresses.filter((a) => SOURCE.test(a)).length;
  if (addresses.length > sources) marks.push('link');
  if (sources > 0) marks.push('source-link');
  return marks;
}

/** The marks that let a selling reading hold a comment: those above and an invitation to get in touch. */
export function reachMarks(text: string): string[] {
  const marks = sellingMarks(text);
  if (SOLICIT.test(text)) marks.push('solicit');
  return marks;
}

// Addresses are read as marks, not as words: a domain's name says nothing the
// model should learn (and example domains would teach it the wrong thing).
const ADDRESS = /\b(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?|[\w.+-]+@[\w-]+\.[\w.]+/g;

/** Hashed features (unbucketed). */
export function spamFeatures(text: string): number[] {
  const toks = tokenize(text.replace(ADDRESS, ' '));
  const out: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    out.push(mix2(toks[i]!.h, NS_WORD));
    if (i > 0) out.push(mix2(mix2(toks[i - 1]!.h, toks[i]!.h), NS_PAIR));
    // spellings the data never showed ("whatsaap", "earnings") share their pieces
    const w = `^${toks[i]!.norm}$`;
    for (let j = 0; j + 4 <= w.length; j++) out.push(mix2(strHash(w, SEED, j, j + 4), NS_GRAM));
  }
  // the marks weigh as much as a few words each; a link is left to the words around it, since readers
  // link to sources as often as sellers link to shops (it still counts as a way to be reached)
  for (const mark of sellingMarks(text)) {
    if (mark === 'link') continue;
    for (let r = 0; r < 3; r++) out.push(mix2(strHash(`${mark}:${r}`, SEED), NS_MARK));
  }
  return out;
}

/** From this probability the words alone are enough, without a way to be reached. */
export const SURE = 0.95;

/** The decision the spam check makes on the model's reading: selling, with a way to be reached (or beyond doubt). */
export function heldAsSelling(p: number, marks: string[], threshold: number): boolean {
  return p >= threshold && (p >= SURE || marks.some((m) => REACH_MARKS.has(m)));
}

/** P(spam) of a text. */
export function spamProbability(model: Sparse, text: string): number {
  return sigmoid(logit1(model, bucketize(spamFeatures(text), model.buckets)));
}

/** The model file: JSON with the weights as base64 float32. */
export function serialiseSpamModel(m: SpamModel, meta: Record<string, unknown>): string {
  return JSON.stringify({
    version: 1,
    buckets: m.buckets,
    bias: m.bias[0],
    threshold: m.threshold,
    weights: Buffer.from(m.w.buffer, m.w.byteOffset, m.w.byteLength).toString('base64'),
    ...meta,
  });
}

export function parseSpamModel(json: string): SpamModel {
  const o = JSON.parse(json) as { version: number; buckets: number; bias: number; threshold: number; weights: string };
  if (o.version !== 1 || !Number.isInteger(Math.log2(o.buckets)) || typeof o.threshold !== 'number')
    throw new Error('not a spam model');
  const bytes = Buffer.from(o.weights, 'base64');
  if (bytes.byteLength !== o.buckets * 4)
    throw new Error(`spam model weights: ${bytes.byteLength} bytes, expected ${o.buckets * 4}`);
  const w = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { buckets: o.buckets, k: 1, bias: Float32Array.of(o.bias), w, threshold: o.threshold };
}
