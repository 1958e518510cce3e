import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { publishActivity } from '../events/activity.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { recordAction } from './audit.usecases.ts';
import { type ApplyDeps, applyState } from './decisions.usecases.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import {
  checkSanction,
  type Sanction,
  sanctionAfter,
  sanctionChanges,
  sanctionMail,
  sanctionState,
} from './sanctions.ts';

/** Sanctions change the account, refuse a banned reader's waiting comments, and tell the reader. */
export type SanctionDeps = Pick<Services, 'usersRepository' | 'moderationRepository' | 'mailer'> & ApplyDeps;

/** Warn (acknowledge before commenting again), suspend until a date, ban, or lift; the reader is told by e-mail. */
export async function sanctionAuthor(
  deps: SanctionDeps,
  input: { site: Site; actor: User; userId: string; sanction: Sanction },
): Promise<{ refusedPending: number }> {
  const { site, actor, sanction: s } = input;
  const user = await deps.usersRepository.get(input.userId);
  if (!user || user.siteId !== site.id) throw new AppError(E.USER_NOT_FOUND);
  const at = deps.now().toISOString();
  const reason = checkSanction(user, actor, s, at);
  await deps.usersRepository.update(user.id, sanctionChanges(s, reason, at));
  // Nothing a banned author left waiting is published.
  const refused = s.kind === 'ban' ? await refusePending(deps, site, actor, user.id, reason) : 0;
  if (s.kind === 'ban') publishActivity(deps, site.id, 'user.banned', { userId: user.id, reason });
  await recordAction(deps, {
    site,
    actor,
    action: s.kind,
    targetType: 'user',
    targetId: user.id,
    before: sanctionState(user),
    after: sanctionAfter(user, s, reason, refused),
  });
  const mail = sanctionMail(site, s, reason);
  if (user.email && mail) await deps.mailer.send({ siteId: site.id, to: user.email, ...mail });
  return { refusedPending: refused };
}

async function refusePending(
  deps: SanctionDeps,
  site: Site,
  actor: User,
  userId: string,
  reason: string,
): Promise<number> {
  let refused = 0;
  for (const p of await deps.moderationRepository.pendingOf(site.id, userId)) {
    const item = await deps.moderationRepository.item(site.id, p.id);
    const next = {
      status: 'rejected' as const,
      statusReason: `Your account was banned: ${reason}`,
      featured: false,
      refusalCode: 'other',
    };
    if (item && (await applyState(deps, { site, actor, item, next }))) refused++;
  }
  return refused;
}

/** The reader read the moderator's warning and may comment again. */
export async function acknowledgeWarning(deps: Pick<Services, 'usersRepository'>, user: User): Promise<void> {
  await deps.usersRepository.update(user.id, { warning: null });
}
