import type { Session } from './sessions.repository.ts';
import type { Identity, User } from './users.repository.ts';

/**
 * What a reader gets when they ask for their data: the account, its sign-ins
 * and its devices, without the hashes that only serve to check them.
 */
export function accountExport(
  input: { user: User; identities: Identity[]; sessions: Session[]; exportedAt: string },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    exportedAt: input.exportedAt,
    account: {
      id: input.user.id,
      site: input.user.siteId,
      email: input.user.email,
      emailVerified: input.user.emailVerified,
      displayName: input.user.displayName,
      avatarUrl: input.user.avatarUrl,
      badges: input.user.badges,
      role: input.user.role,
      status: input.user.status,
      createdAt: input.user.createdAt,
      lastLoginAt: input.user.lastLoginAt,
      deletionRequestedAt: input.user.deletionRequestedAt,
    },
    signIns: input.identities.map((i) => ({
      provider: i.provider,
      subject: i.subject,
      email: i.email,
      linkedAt: i.createdAt,
      lastLoginAt: i.lastLoginAt,
    })),
    sessions: input.sessions.map((s) => ({
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      userAgent: s.userAgent,
      ip: s.ip,
    })),
    ...extra,
  };
}
