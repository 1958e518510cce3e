import type { CommentStatus } from '../storage/schema.ts';

// The seam between posting and the community guidelines. Posting asks the
// pipeline for a decision; the guidelines (guidelines.ts) answer with the
// ordered list of checks (phases.ts), each in its own file under checks/.

export type Decision = 'publish' | 'hold' | 'refuse';

/** The status a comment gets for a decision: held comments wait for a moderator, refused ones are kept, unseen. */
export function statusFor(decision: Decision): Exclude<CommentStatus, 'deleted'> {
  return decision === 'publish' ? 'published' : decision === 'hold' ? 'pending' : 'rejected';
}

/** The decision a comment's status stands for, when none is stored (imported, or taken as a resubmission). */
export function decisionOf(status: CommentStatus): Decision {
  return status === 'published' ? 'publish' : status === 'pending' ? 'hold' : 'refuse';
}

export interface CheckResult {
  verdict: 'pass' | 'fail';
  /** probability that the comment breaks the rule, in [0, 1] */
  score: number;
  reason?: string;
  /**
   * The strongest decision this failure asks for, when it asks for less than
   * the rule's (a classifier's middle band: hold for a moderator, not refuse).
   */
  decision?: Decision;
}

/**
 * What the checks may know about the author and the story besides the text.
 * Absent when there is no database (parley moderate without --site): the
 * checks that need it then pass.
 */
export interface ModerationContext {
  author?: {
    accountAgeDays: number;
    /** the author's published comments on this site */
    publishedCount: number;
    /** a moderator chose to trust this author */
    trusted: boolean;
    /** when the author's last suspension or ban ended or began, if any */
    sanctionedAt: string | null;
  };
  /** the author posted the same text (by fingerprint) in another comment of the last day */
  repeatsOwnText?: boolean;
  /** other accounts posted the same text (by fingerprint) on this site in the last week */
  repeatsOthersText?: boolean;
  /** how many comments the author posted in the last ten minutes */
  lastTenMinutes?: number;
  /** moderators marked this text (by fingerprint) as spam on this site */
  knownSpam?: boolean;
  /** the site's length limit (2,000 characters when not known) */
  maxChars?: number;
  now?: Date;
}

export interface ModerationInput {
  siteId: string;
  storyId: string;
  authorId: string;
  /** the comment's plain text, computed once for every check */
  text: string;
  source: string;
  parentId: string | null;
  /** what posting knows about the author already (the signed-in reader) */
  author?: AuthorFacts;
  /** the comment being edited, if this is an edit: not a repeat of itself */
  commentId?: string;
  /** the site's length limit for comments */
  maxChars?: number;
}

export interface AuthorFacts {
  createdAt: string;
  trusted: boolean;
  sanctionedAt: string | null;
  sanctionUntil: string | null;
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
