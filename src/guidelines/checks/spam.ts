import { Type } from 'typebox';
import { defineCheck, setting } from '../check.ts';
import { spamModel } from '../models.ts';
import type { CheckResult, ModerationContext } from '../pipeline.ts';
import { heldAsSelling, reachMarks, spamProbability } from './spam-model.ts';

// Spam: what bots and promoters do and readers do not. Selling (money, jobs,
// crypto, loans, betting, remedies, pills, dating, giveaways, SEO) with a way
// to be reached, as a model of spam's words reads it (spam-model.ts); a link with hardly a word around it, or
// many links with little prose; the same text again in another of the
// author's comments of the day, or from other accounts this week; a flood of
// comments in minutes; a text moderators already marked as spam on this site.
// Texts are compared by fingerprint (src/shared/fingerprint.ts): case, spacing
// and punctuation tricks do not help. Held for a moderator, never refused
// outright: a reader sharing three sources with an argument is not a bot.

export interface SpamLimits {
  maxLinks: number;
  /** comments in ten minutes from which the author is flooding */
  floodPerTenMinutes: number;
}

export interface SpamResult extends CheckResult {
  signals: string[];
}

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+\.\S+/gi;
/** Many links are fine with an argument around them: this many words of prose for each. */
const WORDS_PER_LINK = 20;
/** Short texts repeat innocently ("I agree."). */
const REPEAT_MIN_CHARS = 40;

export function spamVerdict(limits: SpamLimits, text: string, context: ModerationContext): SpamResult {
  const signals: string[] = [];
  let score = 0;
  const links = text.match(LINK)?.length ?? 0;
  const prose = (text.replace(LINK, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (links > limits.maxLinks && prose < links * WORDS_PER_LINK) {
    signals.push(`${links} links (the limit is ${limits.maxLinks})`);
    score = Math.max(score, 0.9);
  } else if (links > 0 && prose < 3) {
    signals.push('a link with hardly a word around it');
    score = Math.max(score, 0.8);
  } else if (links > 0) score = Math.max(score, Math.min(0.6, 0.15 * links));
  const model = spamModel();
  const selling = spamProbability(model, text);
  if (heldAsSelling(selling, reachMarks(text), model.threshold)) {
    signals.push('it reads like an advertisement');
    score = Math.max(score, selling);
  }
  if (context.repeatsOwnText && text.length >= REPEAT_MIN_CHARS) {
    signals.push('the same text as another of your comments today');
    score = Math.max(score, 0.95);
  }
  if (context.repeatsOthersText && text.length >= REPEAT_MIN_CHARS) {
    signals.push('the same text as other accounts posted this week');
    score = Math.max(score, 0.95);
  }
  if (context.lastTenMinutes !== undefined && context.lastTenMinutes >= limits.floodPerTenMinutes) {
    signals.push(`${context.lastTenMinutes + 1} comments in ten minutes`);
    score = Math.max(score, 0.9);
  }
  if (context.knownSpam) {
    signals.push('a text marked as spam before');
    score = 1;
  }
  score = Math.round(score * 1000) / 1000;
  if (signals.length === 0) return { verdict: 'pass', score, signals };
  return { verdict: 'fail', score, signals, reason: `This comment looks like spam: ${signals.join('; ')}.` };
}

export const spamCheck = defineCheck({
  name: 'spam',
  rule: {
    decision: 'hold',
    nudge: false,
    message: 'A moderator will read your comment before it appears (it looks like it could be spam).',
  },
  settings: {
    spam: {
      maxLinks: setting(Type.Integer({ minimum: 0, maximum: 100 }), 3),
      floodPerTenMinutes: setting(Type.Integer({ minimum: 1, maximum: 1000 }), 10),
    },
  },
  // the author's other comments and the site's spam marks at posting time
  keptOnReplay: true,
  run: (p, context, s) => spamVerdict(s.spam, p.text, context),
});
