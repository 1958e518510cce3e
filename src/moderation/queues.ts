import type { CommentStatus } from '../storage/schema.ts';

// The moderators' queues and what an item in them shows, with the rules that
// need no database: how a filter reads the stored checks, and how much a
// report weighs.

export const QUEUES = ['pending', 'reported', 'unmoderated', 'approved', 'refused', 'appeals'] as const;
export type Queue = (typeof QUEUES)[number];

export interface QueueQuery {
  siteId: string;
  queue: Queue;
  storyId?: string | undefined;
  sectionId?: string | undefined;
  /** a check that failed (by name) */
  check?: string | undefined;
  /** only comments where that check (or any check) scored at least this */
  minScore?: number | undefined;
  /** text search in the comment */
  text?: string | undefined;
  /** search in the author's name */
  author?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export interface QueueItem {
  id: string;
  version: number;
  storyId: string;
  storyTitle: string;
  storyUrl: string;
  parentId: string | null;
  parentExcerpt: string | null;
  authorId: string | null;
  authorName: string;
  bodyHtml: string;
  status: CommentStatus;
  statusReason: string | null;
  moderation: string;
  featured: boolean;
  createdAt: string;
  moderatedBy: string | null;
  moderatedAt: string | null;
  appeal: string | null;
  reports: ReportSummary[];
  /** the author's record on the site at a glance: comments by status */
  authorRecord: Record<string, number>;
}

export interface ReportSummary {
  reason: string;
  count: number;
  /** the reports' weights added up: how well founded they look */
  weight: number;
}

/** Oldest first where people wait (held, appealed, reported); newest first in the records. */
export const oldestFirst = (queue: Queue): boolean =>
  queue === 'pending' || queue === 'appeals' || queue === 'reported';

/** The highest score of a stored decision's checks (or of one check); 0 when unreadable. */
export function maxScore(json: string, check?: string): number {
  try {
    const checks = (JSON.parse(json) as { checks?: Record<string, { score: number }> }).checks ?? {};
    const scores = check ? [checks[check]?.score ?? 0] : Object.values(checks).map((c) => c.score);
    return Math.max(0, ...scores);
  } catch {
    return 0;
  }
}

/**
 * A `like` pattern for "this check failed". Stored decisions are JSON written
 * by JSON.stringify with the verdict first, so a failed check reads exactly so.
 */
export function failedCheckPattern(check: string): string {
  return `%"${check.replace(/[^a-z]/g, '')}":{"verdict":"fail"%`;
}

/** A `like` pattern for text containing `q`, in lower case, without wildcards of its own. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[%_]/g, '')}%`;
}

/** A reporter's weight: how often their reports were upheld (refused), with a prior of one in two. */
export function reporterWeight(upheld: number, decided: number): number {
  return (upheld + 1) / (decided + 2);
}

/** A reporter with no decided report yet weighs as the prior. */
export const UNKNOWN_REPORTER_WEIGHT = reporterWeight(0, 0);

/** A comment's reports by reason, the best-founded first. */
export function reportsByReason(
  reports: { reason: string; userId: string }[],
  weightOf: (userId: string) => number | undefined,
): ReportSummary[] {
  const byReason = new Map<string, { count: number; weight: number }>();
  for (const x of reports) {
    const e = byReason.get(x.reason) ?? { count: 0, weight: 0 };
    e.count++;
    e.weight += weightOf(x.userId) ?? UNKNOWN_REPORTER_WEIGHT;
    byReason.set(x.reason, e);
  }
  return [...byReason]
    .map(([reason, e]) => ({ reason, count: e.count, weight: Math.round(e.weight * 100) / 100 }))
    .sort((a, b) => b.weight - a.weight);
}

/** All of an item's reports weighed together: the reported queue's order. */
export const reportWeight = (i: QueueItem): number => i.reports.reduce((a, r) => a + r.weight, 0);
