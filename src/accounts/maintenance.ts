import type { SsoRepository } from '../sso/sso.repository.ts';
import type { AccountsUsecases } from './accounts.usecases.ts';
import type { SessionsRepository } from './sessions.repository.ts';
import type { TokensRepository } from './tokens.repository.ts';
import type { User } from './users.repository.ts';

/** Housekeeping: finish deletions whose grace period ended, forget what has expired. */
/** forgetAuthor: what happens to a departing reader's comments (their choice: delete or anonymise). */
export async function runAccountMaintenance(deps: {
  accounts: AccountsUsecases;
  sessions: SessionsRepository;
  tokens: TokensRepository;
  sso: SsoRepository;
  now: () => Date;
  forgetAuthor: (user: User) => Promise<void>;
}) {
  const now = deps.now().toISOString();
  const deleted = await deps.accounts.purgeDeletions(deps.forgetAuthor);
  const sessions = await deps.sessions.deleteExpired(now);
  await deps.tokens.deleteExpired(now);
  await deps.sso.forgetExpiredTokenIds(now);
  return { deletedAccounts: deleted, expiredSessions: sessions };
}
