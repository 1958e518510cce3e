import { AppError } from '../shared/errors.ts';
import type { AuditLogTable, CommentStatus } from '../storage/schema.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import type { QueueItem } from './queues.ts';
import { reasonByCode } from './reasons.ts';

// What a moderator's decision does to a comment, and when it can be undone:
// the rules, without the database.

export type Action = 'approve' | 'approve_trust' | 'refuse' | 'feature' | 'unfeature';

export interface Decision {
  action: Action;
  /** the version of the comment the moderator saw */
  version: number;
  reason?: string | undefined;
  /** what the author reads, with the reason */
  note?: string | undefined;
}

/** A comment's state as the audit log keeps it, before and after an action. */
export interface CommentState {
  status: CommentStatus;
  statusReason: string | null;
  featured: boolean;
  version: number;
  refusalCode?: string | null;
}

export type NextState = Omit<CommentState, 'version'>;

export const stateOf = (c: QueueItem): CommentState => ({
  status: c.status,
  statusReason: c.statusReason,
  featured: c.featured,
  version: c.version,
});

/** The state a decision leads to; a refusal needs a reason from the list, and the author reads it with the note. */
export function nextState(c: QueueItem, d: Omit<Decision, 'version'>): NextState {
  switch (d.action) {
    case 'approve':
    case 'approve_trust':
      return { status: 'published', statusReason: null, featured: c.featured, refusalCode: null };
    case 'refuse': {
      const reason = d.reason ? reasonByCode.get(d.reason) : undefined;
      if (!reason) throw new AppError(E.REASON_REQUIRED);
      const note = d.note?.trim().slice(0, 500);
      return {
        status: 'rejected',
        statusReason: note ? `${reason.message} ${note}` : reason.message,
        featured: false,
        refusalCode: reason.code,
      };
    }
    case 'feature':
      return { status: 'published', statusReason: null, featured: true, refusalCode: null };
    case 'unfeature':
      return { status: c.status, statusReason: c.statusReason, featured: false, refusalCode: null };
  }
}

/** 409 with what the comment is now, so that the moderator sees what the other one decided. */
export function conflict(c: QueueItem): AppError {
  return new AppError(
    E.DECISION_CONFLICT,
    `${c.moderatedBy ? 'Another moderator' : 'Someone'} changed this comment first: it is now ${c.status}${c.featured ? ' and featured' : ''}.`,
    {
      current: {
        status: c.status,
        statusReason: c.statusReason,
        featured: c.featured,
        version: c.version,
        moderatedBy: c.moderatedBy,
        moderatedAt: c.moderatedAt,
      },
    },
  );
}

export type StateAfter = CommentState & { trustedAuthor?: string | null };

/** A decision's audit entry as undo reads it; only a comment's decision, once, can be undone. */
export function undoable(entry: AuditLogTable | undefined): {
  entry: AuditLogTable;
  before: CommentState;
  after: StateAfter;
} {
  if (entry?.target_type !== 'comment' || entry.undone_by || !entry.before || !entry.after)
    throw new AppError(E.NOTHING_TO_UNDO);
  return { entry, before: JSON.parse(entry.before) as CommentState, after: JSON.parse(entry.after) as StateAfter };
}

/** The state undo restores: the one before the decision. */
export const restored = (before: CommentState): NextState => ({
  status: before.status,
  statusReason: before.statusReason,
  featured: before.featured,
  refusalCode: before.refusalCode ?? null,
});
