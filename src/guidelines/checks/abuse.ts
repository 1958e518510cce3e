import { Type } from 'typebox';
import type { GuidelinesModel, Span } from '../model/analyse.ts';
import { analyse } from '../model/analyse-fast.ts';
import { spansOf, tokensOn } from '../model/spans.ts';
import { calibrate } from '../model/sparse.ts';
import type { CheckResult } from '../pipeline.ts';
import type { PreparedText } from '../prepared.ts';
import { type AimedInsult, aimedInsult } from './aimed.ts';

// What the abusive and personal checks share: one reading of the comment by
// the site's model (calibrated probabilities of abuse and of a personal
// attack, and the words that carry them), and the bands that turn a
// probability into a decision. A word is abusive in its context, not by
// itself: the model reads each word with its neighbours ("you", a copula, a
// name before it), so "a useless policy" and "the shut-down" are not insults
// while "you useless idiot" is.

export interface AbuseReading {
  /** calibrated P(abusive) */
  abuse: number;
  /** calibrated P(a personal attack) */
  personal: number;
  /** the words that carry it, typed, as offsets into the text */
  spans(): Span[];
  /** the strongest insult said of a person ("the reporter is an ignorant moron") */
  aimed(): AimedInsult | undefined;
}

const readers = new WeakMap<GuidelinesModel, (text: string) => AbuseReading>();

function readerOf(model: GuidelinesModel): (text: string) => AbuseReading {
  let read = readers.get(model);
  if (!read) {
    read = (text) => {
      const a = analyse(model, text);
      let spans: Span[] | undefined;
      let aimed: { found: AimedInsult | undefined } | undefined;
      return {
        abuse: calibrate(model.abuseCal, a.abuseLogit),
        personal: calibrate(model.personalCal, a.personalLogit),
        spans: () => {
          spans ??= spansOf(a, text, tokensOn(a, model.spans), model.spans.typeWeights);
          return spans;
        },
        aimed: () => {
          aimed ??= { found: aimedInsult(text, a.toks, a.probs) };
          return aimed.found;
        },
      };
    };
    readers.set(model, read);
  }
  return read;
}

/** The model's reading of a comment, computed once for both checks. */
export function abuseReading(p: PreparedText): AbuseReading {
  return p.derive(readerOf(p.model));
}

/** A site's band: from this probability a comment is held or refused; null: the model's own (chosen on the dev sets). */
export const Band = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
export const Bands = Type.Object({ hold: Band, refuse: Band }, { additionalProperties: false });
export interface BandSettings {
  hold: number | null;
  refuse: number | null;
}

export interface BandedResult extends CheckResult {
  /** the words to show the author and the moderators */
  spans?: Span[];
}

/**
 * Publish below the hold band; from it, hold for a moderator; from the refuse
 * band (where the model's precision on the dev sets is at least 0.95), the
 * rule's own decision (a nudge by default).
 */
export function bandedVerdict(
  score: number,
  bands: { hold: number; refuse: number },
  reason: string,
  spans: () => Span[],
): BandedResult {
  // the score moderators see is the one the decision was made on
  const rounded = Math.round(score * 1000) / 1000;
  if (rounded < bands.hold) return { verdict: 'pass', score: rounded };
  const result: BandedResult = { verdict: 'fail', score: rounded, reason, spans: spans() };
  if (rounded < bands.refuse) result.decision = 'hold';
  return result;
}

/** The bands in force: the site's where it set them, else the model's. */
export function bandsFor(own: BandSettings, model: { hold: number; refuse: number }): { hold: number; refuse: number } {
  return { hold: own.hold ?? model.hold, refuse: own.refuse ?? model.refuse };
}
