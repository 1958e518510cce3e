import { AppError } from '../shared/errors.ts';
import { accountErrors as E } from './accounts.errors.ts';
import type { User } from './users.repository.ts';

/**
 * Why this reader may not post right now, or nothing. A suspension ends by
 * itself at its date; a ban lasts until lifted. Either way the reader can
 * still log in and read, and is told why and until when.
 */
export function postingBlock(user: User, now: Date): AppError | undefined {
  if (user.status === 'banned') {
    return new AppError(
      E.ACCOUNT_BANNED,
      `Your account is banned from taking part on this site${user.sanctionReason ? `: ${user.sanctionReason}` : '.'}`,
      {
        reason: user.sanctionReason,
        until: null,
      },
    );
  }
  if (user.status === 'suspended' && user.sanctionUntil && user.sanctionUntil > now.toISOString()) {
    return new AppError(
      E.ACCOUNT_SUSPENDED,
      `Your account is suspended until ${user.sanctionUntil}${user.sanctionReason ? `: ${user.sanctionReason}` : '.'}`,
      {
        reason: user.sanctionReason,
        until: user.sanctionUntil,
      },
    );
  }
  if (user.warning) {
    return new AppError(
      E.WARNING_UNACKNOWLEDGED,
      `A moderator has warned you: ${user.warning} Please acknowledge the warning on your account page before you comment again.`,
      { warning: user.warning },
    );
  }
  if (user.deletionRequestedAt) return new AppError(E.DELETION_PENDING);
  return undefined;
}
