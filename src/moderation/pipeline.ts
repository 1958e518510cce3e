// The seam between posting and the community guidelines. Posting asks the
// pipeline for a decision; the guidelines issue fills it with checks (phases).
// Until then a single pass-through phase publishes everything, and the rest of
// the system (statuses, reasons, the author's view, "send anyway") is real.

export type Decision = 'publish' | 'hold' | 'refuse';

export interface CheckResult {
  verdict: 'pass' | 'fail';
  /** probability that the comment breaks the rule, in [0, 1] */
  score: number;
  reason?: string;
}

export interface ModerationInput {
  siteId: string;
  storyId: string;
  authorId: string;
  /** the comment's plain text, computed once for every check */
  text: string;
  source: string;
  parentId: string | null;
}

export interface ModerationResult {
  decision: Decision;
  /** what the author is told: the rule, in the site's words */
  reasons: { rule: string; message: string }[];
  checks: Record<string, CheckResult>;
  /** true when the author can fix the problem and may choose to send anyway */
  nudge: boolean;
  policyVersion: string;
}

export interface ModerationPipeline {
  moderate(input: ModerationInput): Promise<ModerationResult>;
}

export function passThroughPipeline(): ModerationPipeline {
  return {
    async moderate() {
      return { decision: 'publish', reasons: [], checks: {}, nudge: false, policyVersion: 'pass-through' };
    },
  };
}
