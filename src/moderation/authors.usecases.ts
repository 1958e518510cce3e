import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import { recordAction } from './audit.usecases.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import { SANCTIONS } from './sanctions.ts';

// An author as the moderators see them, and the notes moderators keep on them.

async function siteUser(deps: Pick<Services, 'usersRepository'>, site: Site, userId: string): Promise<User> {
  const user = await deps.usersRepository.get(userId);
  if (!user || user.siteId !== site.id) throw new AppError(E.USER_NOT_FOUND);
  return user;
}

/** Everything about an author, at a glance. */
export async function authorProfile(
  deps: Pick<Services, 'usersRepository' | 'moderationRepository' | 'now'>,
  site: Site,
  userId: string,
) {
  const user = await siteUser(deps, site, userId);
  const repo = deps.moderationRepository;
  const [comments, counts, linked, notes, history] = await Promise.all([
    repo.authorComments(site.id, userId, 50),
    repo.authorCounts(site.id, userId),
    repo.linkedAccounts(site.id, userId),
    repo.notes(site.id, userId),
    repo.auditLog(site.id, { targetId: userId, limit: 50 }),
  ]);
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      status: user.status,
      sanctionUntil: user.sanctionUntil,
      sanctionReason: user.sanctionReason,
      warning: user.warning,
      trusted: user.trusted,
      createdAt: user.createdAt,
      accountAgeDays: Math.floor((deps.now().getTime() - new Date(user.createdAt).getTime()) / 86_400_000),
    },
    counts,
    comments: comments.map((c) => ({
      id: c.id,
      excerpt: c.body.slice(0, 200),
      status: c.status,
      statusReason: c.status_reason,
      createdAt: c.created_at,
      story: c.story_title,
      reports: Number(c.reports),
    })),
    reportsAgainst: comments.reduce((a, c) => a + Number(c.reports), 0),
    sanctions: history
      .filter((h) => SANCTIONS.includes(h.action))
      .map((h) => ({
        action: h.action,
        by: h.actor_name,
        at: h.created_at,
        after: h.after ? JSON.parse(h.after) : null,
      })),
    linked,
    notes: notes.map((n) => ({ id: n.id, by: n.author_name, note: n.note, at: n.created_at })),
  };
}

export type AuthorProfile = Awaited<ReturnType<typeof authorProfile>>;

/** A moderators' note on a reader (the reader never sees it); the log keeps its beginning. */
export async function addNote(
  deps: Pick<Services, 'usersRepository' | 'moderationRepository' | 'now'>,
  input: { site: Site; actor: User; userId: string; note: string },
): Promise<void> {
  const { site, actor, userId } = input;
  await siteUser(deps, site, userId);
  await deps.moderationRepository.addNote({
    id: newId(),
    siteId: site.id,
    userId,
    authorId: actor.id,
    authorName: actor.displayName,
    note: input.note.trim().slice(0, 2000),
    at: deps.now().toISOString(),
  });
  await recordAction(deps, {
    site,
    actor,
    action: 'note',
    targetType: 'user',
    targetId: userId,
    before: undefined,
    after: { note: input.note.trim().slice(0, 200) },
  });
}
