import { Type } from 'typebox';
import { defineCheck, setting } from '../check.ts';
import type { CheckResult, ModerationContext } from '../pipeline.ts';

// Spam: what bots and promoters do and readers do not. Many links; the same
// text again in another comment of the day (an exact resubmission under the
// same story is silently taken as the same comment before the pipeline runs);
// a flood of comments in minutes; a text moderators already marked as spam on
// this site. Texts are compared by fingerprint (src/shared/fingerprint.ts):
// case, spacing and punctuation tricks do not help. Held for a moderator,
// never refused outright: a reader sharing three sources is not a bot.

export interface SpamLimits {
  maxLinks: number;
  /** comments in ten minutes from which the author is flooding */
  floodPerTenMinutes: number;
}

export interface SpamResult extends CheckResult {
  signals: string[];
}

const LINK = /\bhttps?:\/\/|\bwww\.\S+\.\S+/gi;
/** Short texts repeat innocently ("I agree."). */
const REPEAT_MIN_CHARS = 40;

export function spamVerdict(limits: SpamLimits, text: string, context: ModerationContext): SpamResult {
  const signals: string[] = [];
  let score = 0;
  const links = text.match(LINK)?.length ?? 0;
  if (links > limits.maxLinks) {
    signals.push(`${links} links (the limit is ${limits.maxLinks})`);
    score = Math.max(score, 0.9);
  } else if (links > 0) score = Math.max(score, 0.2 * links);
  if (context.repeatsOwnText && text.length >= REPEAT_MIN_CHARS) {
    signals.push('the same text as another of your comments today');
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
      maxLinks: setting(Type.Integer({ minimum: 0, maximum: 100 }), 2),
      floodPerTenMinutes: setting(Type.Integer({ minimum: 1, maximum: 1000 }), 10),
    },
  },
  // the author's other comments and the site's spam marks at posting time
  keptOnReplay: true,
  run: (p, context, s) => spamVerdict(s.spam, p.text, context),
});
