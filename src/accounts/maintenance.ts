import type { AccountsUsecases } from './accounts.usecases.ts';
import type { SessionsRepository } from './sessions.repository.ts';
import type { TokensRepository } from './tokens.repository.ts';
import type { SsoRepository } from '../sso/sso.repository.ts';

/** Housekeeping: finish deletions whose grace period ended, forget what has expired. */
export async function runAccountMaintenance(deps: { accounts: AccountsUsecases; sessions: SessionsRepository; tokens: TokensRepository; sso: SsoRepository; now: () => Date }) {
  const now = deps.now().toISOString();
  const deleted = await deps.accounts.purgeDeletions();
  const sessions = await deps.sessions.deleteExpired(now);
  await deps.tokens.deleteExpired(now);
  await deps.sso.forgetExpiredTokenIds(now);
  return { deletedAccounts: deleted, expiredSessions: sessions };
}
