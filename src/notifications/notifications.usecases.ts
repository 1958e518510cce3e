import type { User } from '../accounts/users.repository.ts';
import type { Comment } from '../comments/comments.repository.ts';
import type { Story } from '../comments/stories.repository.ts';
import type { Services } from '../core/services.ts';
import { randomToken } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { EmailMode } from '../storage/schema.ts';
import {
  DEFAULT_EMAIL_MODE,
  digestDue,
  notificationList,
  notificationMail,
  permalink,
  recipientsOf,
} from './messages.ts';
import type { NotificationItem } from './notifications.repository.ts';

// The bell and the e-mails: replies to a reader, new comments on the stories
// they follow, each by e-mail or in hourly or daily digests.

type RepoDeps = Pick<Services, 'notificationsRepository'>;
type MailDeps = RepoDeps & Pick<Services, 'mailer' | 'now'>;

/** A reader's settings, made with the default mode and an unsubscribe token on first need. */
async function settingsOf(deps: RepoDeps, userId: string) {
  const s = await deps.notificationsRepository.settings(userId);
  if (s) return s;
  const fresh = { emailMode: DEFAULT_EMAIL_MODE, unsubscribeToken: randomToken(24), lastDigestAt: null };
  await deps.notificationsRepository.saveSettings(userId, fresh);
  return fresh;
}

async function mail(deps: MailDeps, site: Site, user: User, items: NotificationItem[], token: string): Promise<void> {
  if (!user.email || !user.emailVerified || items.length === 0) return;
  await deps.mailer.send({
    siteId: site.id,
    to: user.email,
    ...notificationMail(site, user, items, token),
    list: notificationList(site, token),
  });
  await deps.notificationsRepository.markEmailed(
    items.map((i) => i.id),
    deps.now().toISOString(),
  );
}

/**
 * A comment was published: tell the author it replies to, and the readers
 * following the story. Nobody hears about their own comment.
 */
export async function notifyCommentPublished(
  deps: MailDeps & Pick<Services, 'commentsRepository' | 'usersRepository'>,
  e: { site: Site; story: Story; comment: Comment },
): Promise<number> {
  const { site, story, comment } = e;
  const repo = deps.notificationsRepository;
  const parent = comment.parentId ? await deps.commentsRepository.get(comment.parentId) : undefined;
  const recipients = recipientsOf(comment, parent, await repo.followers(story.id));
  if (recipients.size === 0) return 0;
  const at = deps.now().toISOString();
  await repo.insertMany(
    [...recipients].map(([userId, kind]) => ({
      id: newId(),
      siteId: site.id,
      userId,
      kind,
      commentId: comment.id,
      storyId: story.id,
      actorName: comment.authorName,
      createdAt: at,
    })),
  );
  for (const [userId] of recipients) {
    const s = await settingsOf(deps, userId);
    if (s.emailMode !== 'each') continue;
    const user = await deps.usersRepository.get(userId);
    if (user) await mail(deps, site, user, await repo.unemailed(userId), s.unsubscribeToken);
  }
  return recipients.size;
}

export async function listNotifications(deps: RepoDeps, input: { user: User; limit?: number }) {
  const repo = deps.notificationsRepository;
  const [items, unread] = await Promise.all([
    repo.list(input.user.id, input.limit ?? 30),
    repo.unreadCount(input.user.id),
  ]);
  return { unread, items: items.map((i) => ({ ...i, url: permalink(i) })) };
}

/** Marks these notifications (null: all of them) read. */
export const markNotificationsRead = (
  deps: RepoDeps & Pick<Services, 'now'>,
  input: { user: User; ids: string[] | null },
) => deps.notificationsRepository.markRead(input.user.id, input.ids, deps.now().toISOString());

export const followStory = (
  deps: RepoDeps & Pick<Services, 'now'>,
  input: { user: User; storyId: string; on: boolean },
) => deps.notificationsRepository.follow(input.user.id, input.storyId, input.on, deps.now().toISOString());

export const isFollowingStory = (deps: RepoDeps, input: { user: User; storyId: string }) =>
  deps.notificationsRepository.isFollowing(input.user.id, input.storyId);

export async function emailModeOf(deps: RepoDeps, user: User): Promise<EmailMode> {
  return (await settingsOf(deps, user.id)).emailMode;
}

export async function setEmailMode(deps: RepoDeps, input: { user: User; mode: EmailMode }): Promise<void> {
  const s = await settingsOf(deps, input.user.id);
  await deps.notificationsRepository.saveSettings(input.user.id, { ...s, emailMode: input.mode });
}

/** One click from an e-mail, no login: the token is the proof. */
export async function unsubscribeByToken(deps: RepoDeps, token: string): Promise<boolean> {
  const userId = await deps.notificationsRepository.byUnsubscribeToken(token);
  if (!userId) return false;
  const s = (await deps.notificationsRepository.settings(userId))!;
  await deps.notificationsRepository.saveSettings(userId, { ...s, emailMode: 'off' });
  return true;
}

/** Hourly and daily digests that are due; run by the housekeeping timer. Returns how many went out. */
export async function sendDigests(
  deps: MailDeps & Pick<Services, 'usersRepository' | 'sitesRepository'>,
): Promise<number> {
  let sent = 0;
  for (const mode of ['hourly', 'daily'] as const) {
    for (const c of await deps.notificationsRepository.digestCandidates(mode)) {
      if (!digestDue(mode, c.lastDigestAt, deps.now())) continue;
      const user = await deps.usersRepository.get(c.userId);
      const site = user && (await deps.sitesRepository.get(user.siteId));
      if (!user || !site) continue;
      // Claimed before it is sent: of several instances one sends it; a crash before the mail
      // leaves the notifications unmailed, and they go in the next digest.
      if (!(await deps.notificationsRepository.claimDigest(user.id, c.lastDigestAt, deps.now().toISOString())))
        continue;
      const s = await settingsOf(deps, user.id);
      await mail(deps, site, user, await deps.notificationsRepository.unemailed(user.id), s.unsubscribeToken);
      sent++;
    }
  }
  return sent;
}
