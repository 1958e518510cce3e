import type { CheckResult, ModerationContext } from '../pipeline.ts';

// Closed-story rule: no new comments where the editors closed the conversation.
// Posting refuses earlier with a clear error; the phase records it for replays.

export function closedCheck(context: ModerationContext): CheckResult {
  return context.storyClosed
    ? { verdict: 'fail', score: 1, reason: 'Comments are closed on this story.' }
    : { verdict: 'pass', score: 0 };
}
