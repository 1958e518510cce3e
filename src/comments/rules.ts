import type { User } from '../accounts/users.repository.ts';
import { highlightsOf } from '../guidelines/highlights.ts';
import { type ModerationResult, statusFor } from '../guidelines/pipeline.ts';
import { AppError } from '../shared/errors.ts';
import type { Comment, Cursor } from './comment-rows.repository.ts';
import { commentErrors as E } from './comments.errors.ts';
import type { CommentSettings, Story } from './stories.repository.ts';

// The rules of commenting that need no database: when a story is closed, what
// a body may be, what the guidelines' decision makes of a comment, the edit
// window, and the cursors of paged lists.

/** Resubmitting the same words under the same parent within this time is the same comment. */
export const DUPLICATE_WINDOW_MS = 60_000;
const DAY_MS = 86_400_000;

/** Why nobody may comment on the story now, or null when it is open. */
export function closedReason(story: Story, settings: CommentSettings, now: Date): string | null {
  if (settings.allClosed) return settings.closedMessage ?? 'Comments are closed across the site for now.';
  if (story.closed) return settings.closedMessage ?? 'Comments are closed on this story.';
  if (settings.autoCloseDays) {
    const opened = new Date(story.openedAt).getTime();
    if (now.getTime() > opened + settings.autoCloseDays * DAY_MS)
      return `Comments close ${settings.autoCloseDays} days after publication.`;
  }
  return null;
}

/** The body as stored: one kind of line break, no surrounding space. */
export const normaliseBody = (body: string) => body.replace(/\r\n?/g, '\n').trim();

/** Length in characters as readers count them (an emoji is one). */
export const characters = (text: string) => [...text].length;

/** A new comment's body, normalised, or the error that refuses it. */
export function checkNewBody(body: string, settings: CommentSettings): string {
  const source = normaliseBody(body);
  if (!source) throw new AppError(E.COMMENT_EMPTY);
  const length = characters(source);
  if (length > settings.maxLength)
    throw new AppError(
      E.COMMENT_TOO_LONG,
      `Comments can be up to ${settings.maxLength} characters; this one has ${length}.`,
      { maxLength: settings.maxLength },
    );
  return source;
}

/** An edited body, normalised, or the error that refuses it. */
export function checkEditedBody(body: string, settings: CommentSettings): string {
  const source = normaliseBody(body);
  if (!source) throw new AppError(E.COMMENT_EMPTY);
  if (characters(source) > settings.maxLength)
    throw new AppError(E.COMMENT_TOO_LONG, `Comments can be up to ${settings.maxLength} characters.`);
  return source;
}

/** The author may edit until the edit window after posting has passed. */
export function checkEditWindow(comment: Pick<Comment, 'createdAt'>, settings: CommentSettings, now: Date): void {
  if (now.getTime() > new Date(comment.createdAt).getTime() + settings.editWindowSeconds * 1000)
    throw new AppError(
      E.EDIT_WINDOW_CLOSED,
      `Comments can be edited for ${Math.round(settings.editWindowSeconds / 60)} minutes after posting.`,
    );
}

/** What the guidelines read (the plain text) and what the author typed: highlights map one onto the other. */
export interface JudgedText {
  plain: string;
  source: string;
}

/**
 * The refusal the author sees: the guidelines' reasons, whether they may send
 * it anyway, and the words to revise (offsets into what they typed).
 */
export function refusal(result: ModerationResult, text: JudgedText): AppError {
  return new AppError(E.COMMENT_REFUSED, result.reasons.map((r) => r.message).join(' ') || E.COMMENT_REFUSED.message, {
    reasons: result.reasons,
    nudge: result.nudge,
    checks: result.checks,
    highlights: highlightsOf(result, text.plain, text.source),
  });
}

/**
 * What becomes of a new comment. A fixable refusal (a nudge) is a question to
 * the author first; sent anyway, it goes to a moderator.
 */
export function newCommentStatus(
  result: ModerationResult,
  sendAnyway: boolean,
  text: JudgedText,
): { decision: ModerationResult['decision']; status: 'published' | 'pending' | 'rejected'; reason: string | null } {
  let decision = result.decision;
  if (decision === 'refuse' && result.nudge) {
    if (!sendAnyway) throw refusal(result, text);
    decision = 'hold';
  }
  const status = statusFor(decision);
  const reason =
    status === 'published'
      ? null
      : result.reasons.map((r) => r.message).join(' ') ||
        (status === 'pending' ? 'Waiting for a moderator.' : 'Not published.');
  return { decision, status, reason };
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A cursor from a query string; anything but what encodeCursor makes is refused. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (Array.isArray(v) && v.length <= 4 && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // fall through
  }
  throw new AppError({ code: 'VALIDATION_FAILED', status: 400, message: 'The cursor is not valid.' });
}

/** What the guidelines know of an author. */
export const authorFacts = (u: User) => ({
  createdAt: u.createdAt,
  trusted: u.trusted,
  sanctionedAt: u.sanctionedAt,
  sanctionUntil: u.sanctionUntil,
});
