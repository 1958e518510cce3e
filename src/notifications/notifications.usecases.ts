import type { User, UsersRepository } from '../accounts/users.repository.ts';
import type { Comment, CommentsRepository } from '../comments/comments.repository.ts';
import type { Story } from '../comments/stories.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { randomToken } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { EmailMode } from '../storage/schema.ts';
import type { NotificationItem, NotificationsRepository } from './notifications.repository.ts';

export interface NotificationsDeps {
  notifications: NotificationsRepository;
  users: UsersRepository;
  comments: CommentsRepository;
  mailer: Mailer;
  now: () => Date;
}

/** A reply is worth an e-mail unless the reader says otherwise. */
export const DEFAULT_EMAIL_MODE: EmailMode = 'each';
const HOUR = 3_600_000;

function permalink(item: { storyUrl: string; commentId: string }): string {
  return `${item.storyUrl}?comment=${item.commentId}#comment-${item.commentId}`;
}

export function createNotificationsUsecases(deps: NotificationsDeps) {
  const { notifications: repo, users, mailer } = deps;
  const iso = () => deps.now().toISOString();

  async function settingsOf(userId: string) {
    const s = await repo.settings(userId);
    if (s) return s;
    const fresh = { emailMode: DEFAULT_EMAIL_MODE, unsubscribeToken: randomToken(24), lastDigestAt: null };
    await repo.saveSettings(userId, fresh);
    return fresh;
  }

  function unsubscribeLink(site: Site, token: string): string {
    return `${site.baseUrl.replace(/\/+$/, '')}/account/unsubscribe?token=${token}`;
  }

  async function mail(site: Site, user: User, items: NotificationItem[], token: string): Promise<void> {
    if (!user.email || !user.emailVerified || items.length === 0) return;
    const lines = items.map(
      (i) =>
        `${i.actorName} ${i.kind === 'reply' ? 'replied to you' : 'commented'} on "${i.storyTitle}":\n  ${i.excerpt}\n  ${permalink(i)}`,
    );
    const subject =
      items.length === 1
        ? `${items[0]!.actorName} ${items[0]!.kind === 'reply' ? 'replied to your comment' : `commented on "${items[0]!.storyTitle}"`}`
        : `${items.length} new replies and comments on ${site.name}`;
    await mailer.send({
      siteId: site.id,
      to: user.email,
      subject,
      text: `Hello ${user.displayName},\n\n${lines.join('\n\n')}\n\nChange how often we write: ${site.baseUrl.replace(/\/+$/, '')}/account\nStop these e-mails: ${unsubscribeLink(site, token)}\n`,
    });
    await repo.markEmailed(
      items.map((i) => i.id),
      iso(),
    );
  }

  return {
    /**
     * A comment was published: tell the author it replies to, and the readers
     * following the story. Nobody hears about their own comment.
     */
    async commentPublished(site: Site, story: Story, comment: Comment): Promise<void> {
      const recipients = new Map<string, 'reply' | 'follow'>();
      if (comment.parentId) {
        const parent = await deps.comments.get(comment.parentId);
        if (parent?.authorId && parent.authorId !== comment.authorId && parent.status === 'published')
          recipients.set(parent.authorId, 'reply');
      }
      for (const f of await repo.followers(story.id))
        if (f !== comment.authorId && !recipients.has(f)) recipients.set(f, 'follow');
      if (recipients.size === 0) return;
      const at = iso();
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
        const s = await settingsOf(userId);
        if (s.emailMode !== 'each') continue;
        const user = await users.get(userId);
        if (user) await mail(site, user, await repo.unemailed(userId), s.unsubscribeToken);
      }
    },

    async list(user: User, limit = 30) {
      const [items, unread] = await Promise.all([repo.list(user.id, limit), repo.unreadCount(user.id)]);
      return { unread, items: items.map((i) => ({ ...i, url: permalink(i) })) };
    },

    markRead: (user: User, ids: string[] | null) => repo.markRead(user.id, ids, iso()),

    follow: (user: User, storyId: string, on: boolean) => repo.follow(user.id, storyId, on, iso()),
    isFollowing: (user: User, storyId: string) => repo.isFollowing(user.id, storyId),

    async emailMode(user: User): Promise<EmailMode> {
      return (await settingsOf(user.id)).emailMode;
    },

    async setEmailMode(user: User, mode: EmailMode): Promise<void> {
      const s = await settingsOf(user.id);
      await repo.saveSettings(user.id, { ...s, emailMode: mode });
    },

    /** One click from an e-mail, no login: the token is the proof. */
    async unsubscribe(token: string): Promise<boolean> {
      const userId = await repo.byUnsubscribeToken(token);
      if (!userId) return false;
      const s = (await repo.settings(userId))!;
      await repo.saveSettings(userId, { ...s, emailMode: 'off' });
      return true;
    },

    /** Hourly and daily digests that are due; run by the housekeeping timer. */
    async sendDigests(siteOf: (siteId: string) => Promise<Site | undefined>): Promise<number> {
      let sent = 0;
      for (const [mode, every] of [
        ['hourly', HOUR],
        ['daily', 24 * HOUR],
      ] as const) {
        for (const c of await repo.digestCandidates(mode)) {
          if (c.lastDigestAt && deps.now().getTime() - new Date(c.lastDigestAt).getTime() < every) continue;
          const user = await users.get(c.userId);
          const site = user && (await siteOf(user.siteId));
          if (!user || !site) continue;
          const s = await settingsOf(user.id);
          await mail(site, user, await repo.unemailed(user.id), s.unsubscribeToken);
          await repo.saveSettings(user.id, { ...s, lastDigestAt: iso() });
          sent++;
        }
      }
      return sent;
    },
  };
}

export type NotificationsUsecases = ReturnType<typeof createNotificationsUsecases>;
