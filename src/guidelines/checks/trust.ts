import { Type } from 'typebox';
import { defineCheck, setting } from '../check.ts';
import type { CheckResult, ModerationContext } from '../pipeline.ts';

// Pre-moderation by trust: a site may hold the comments of authors it does not
// know yet, and of authors recently suspended or banned, for a moderator
// before they appear. "off" holds no one for being new (the checks still
// run); "new" holds new authors; "all" holds everyone but trusted authors.

export interface TrustPolicy {
  mode: 'off' | 'new' | 'all';
  /** published comments from which an author is no longer new */
  minPublished: number;
  /** account age in days from which an author is no longer new */
  minAccountDays: number;
  /** days after a sanction during which the author's comments are held (0: never) */
  sanctionDays: number;
}

export function trustVerdict(policy: TrustPolicy, context: ModerationContext): CheckResult {
  const author = context.author;
  if (!author) return { verdict: 'pass', score: 0 };
  if (author.trusted) return { verdict: 'pass', score: 0 };
  const now = context.now ?? new Date();
  if (
    policy.sanctionDays > 0 &&
    author.sanctionedAt &&
    now.getTime() - new Date(author.sanctionedAt).getTime() < policy.sanctionDays * 86_400_000
  ) {
    return {
      verdict: 'fail',
      score: 1,
      reason: 'Your comments are read by a moderator before they appear, for a while after a sanction.',
    };
  }
  if (policy.mode === 'all')
    return {
      verdict: 'fail',
      score: 1,
      reason: 'Every comment on this site is read by a moderator before it appears.',
    };
  if (
    policy.mode === 'new' &&
    (author.publishedCount < policy.minPublished || author.accountAgeDays < policy.minAccountDays)
  ) {
    return {
      verdict: 'fail',
      score: 0.8,
      reason: 'Comments from new readers are read by a moderator before they appear.',
    };
  }
  return { verdict: 'pass', score: 0 };
}

const Days = Type.Integer({ minimum: 0, maximum: 3650 });

export const trustCheck = defineCheck({
  name: 'trust',
  rule: { decision: 'hold', nudge: false, message: 'A moderator will read your comment before it appears.' },
  settings: {
    trust: {
      mode: setting(Type.Union([Type.Literal('off'), Type.Literal('new'), Type.Literal('all')]), 'off'),
      minPublished: setting(Type.Integer({ minimum: 0, maximum: 1000 }), 3),
      minAccountDays: setting(Days, 0),
      sanctionDays: setting(Days, 30),
    },
  },
  // the author's record at posting time
  keptOnReplay: true,
  run: (_p, context, s) => trustVerdict(s.trust, context),
});
