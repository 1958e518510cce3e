import type { User, UserChanges } from '../accounts/users.repository.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { moderationErrors as E } from './moderation.errors.ts';

// Sanctions on a reader, as rules: who may give which, what each changes on
// the account, and what the reader is told.

export type SanctionKind = 'warn' | 'suspend' | 'ban' | 'lift';

export interface Sanction {
  kind: SanctionKind;
  /** when a suspension ends */
  until?: string | undefined;
  reason: string;
}

export const SANCTIONS: readonly string[] = ['warn', 'suspend', 'ban', 'lift'] satisfies SanctionKind[];

/** The sanction's reason as kept and told; invalid sanctions are refused with what is wrong. */
export function checkSanction(user: User, actor: User, s: Sanction, at: string): string {
  if (user.id === actor.id) throw new AppError(E.SANCTION_INVALID, 'You cannot sanction yourself.');
  if (user.role !== 'reader' && actor.role !== 'admin')
    throw new AppError(E.SANCTION_INVALID, 'Only an admin can sanction staff.');
  const reason = s.reason.trim().slice(0, 500);
  if (!reason && s.kind !== 'lift') throw new AppError(E.SANCTION_INVALID, 'Give the reason: the reader is told.');
  if (s.kind === 'suspend' && (!s.until || s.until <= at))
    throw new AppError(E.SANCTION_INVALID, 'A suspension must end in the future.');
  return reason;
}

/** What a sanction changes on the account. A warning must be acknowledged before the reader comments again. */
export function sanctionChanges(s: Sanction, reason: string, at: string): UserChanges {
  switch (s.kind) {
    case 'warn':
      return { warning: reason, sanctionedAt: at };
    case 'suspend':
      return { status: 'suspended', sanctionUntil: s.until!, sanctionReason: reason, sanctionedAt: at };
    case 'ban':
      return { status: 'banned', sanctionUntil: null, sanctionReason: reason, sanctionedAt: at };
    case 'lift':
      return { status: 'active', sanctionUntil: null, sanctionReason: null, warning: null };
  }
}

/** The account's sanction state, as the audit log keeps it before a sanction. */
export const sanctionState = (user: User) => ({
  status: user.status,
  sanctionUntil: user.sanctionUntil,
  sanctionReason: user.sanctionReason,
  warning: user.warning,
});

/** The audit log's record after a sanction. */
export function sanctionAfter(user: User, s: Sanction, reason: string, refusedPending: number) {
  return {
    status:
      s.kind === 'suspend' ? 'suspended' : s.kind === 'ban' ? 'banned' : s.kind === 'lift' ? 'active' : user.status,
    sanctionUntil: s.kind === 'suspend' ? s.until : null,
    reason,
    refusedPending,
  };
}

/** The message the reader gets; none for a lift. */
export function sanctionMail(site: Site, s: Sanction, reason: string): { subject: string; text: string } | undefined {
  if (s.kind === 'lift') return undefined;
  const what =
    s.kind === 'warn'
      ? 'A moderator has warned you'
      : s.kind === 'suspend'
        ? `Your account is suspended until ${s.until}`
        : 'Your account is banned from commenting';
  const acknowledge =
    s.kind === 'warn'
      ? `Please read and acknowledge the warning on your account page (${site.baseUrl}/account) before you comment again.\n\n`
      : '';
  return {
    subject: `${site.name}: ${what.toLowerCase()}`,
    text: `${what}.\n\nWhy: ${reason}\n\n${acknowledge}If you think this is a mistake, reply to this message or write to the editors: a different moderator will look at your appeal.\n`,
  };
}
