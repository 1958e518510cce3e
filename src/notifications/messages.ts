import { html } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { EmailMode } from '../storage/schema.ts';
import type { NotificationItem } from './notifications.repository.ts';

// What notifications say and to whom, and when a digest is due. Pure: the use
// cases load and send.

/** A reply is worth an e-mail unless the reader says otherwise. */
export const DEFAULT_EMAIL_MODE: EmailMode = 'each';
const HOUR = 3_600_000;
/** How often each digest goes out at most. */
export const DIGEST_EVERY: Record<'hourly' | 'daily', number> = { hourly: HOUR, daily: 24 * HOUR };

export function permalink(item: { storyUrl: string; commentId: string }): string {
  return `${item.storyUrl}?comment=${item.commentId}#comment-${item.commentId}`;
}

const base = (site: Site) => site.baseUrl.replace(/\/+$/, '');

export const unsubscribeLink = (site: Site, token: string) => `${base(site)}/account/unsubscribe?token=${token}`;

/**
 * Who hears of a new comment: the author of the published comment it replies
 * to ("reply"), then the story's followers ("follow"); never its own author.
 */
export function recipientsOf(
  comment: { authorId: string | null },
  parent: { authorId: string | null; status: string } | undefined,
  followers: string[],
): Map<string, 'reply' | 'follow'> {
  const recipients = new Map<string, 'reply' | 'follow'>();
  if (parent?.authorId && parent.authorId !== comment.authorId && parent.status === 'published')
    recipients.set(parent.authorId, 'reply');
  for (const f of followers) if (f !== comment.authorId && !recipients.has(f)) recipients.set(f, 'follow');
  return recipients;
}

/** One e-mail for one or many notifications: a single one names its author, several are counted. */
export function notificationMail(
  site: Site,
  reader: { displayName: string },
  items: NotificationItem[],
  unsubscribeToken: string,
): { subject: string; text: string; html: string } {
  const lines = items.map(
    (i) =>
      `${i.actorName} ${i.kind === 'reply' ? 'replied to you' : 'commented'} on "${i.storyTitle}":\n  ${i.excerpt}\n  ${permalink(i)}`,
  );
  const first = items[0]!;
  const subject =
    items.length === 1
      ? `${first.actorName} ${first.kind === 'reply' ? 'replied to your comment' : `commented on "${first.storyTitle}"`}`
      : `${items.length} new replies and comments on ${site.name}`;
  const unsubscribe = unsubscribeLink(site, unsubscribeToken);
  const entries = items.map(
    (i) =>
      html`<p style="margin:0 0 16px"><strong>${i.actorName}</strong> ${i.kind === 'reply' ? 'replied to you' : 'commented'} on <a href="${permalink(i)}">${i.storyTitle}</a>:<br><span style="color:#444">${i.excerpt}</span></p>`,
  );
  return {
    subject,
    text: `Hello ${reader.displayName},\n\n${lines.join('\n\n')}\n\nChange how often we write: ${base(site)}/account\nStop these e-mails: ${unsubscribe}\n`,
    html: html`<!doctype html><html lang="${site.language}"><head><meta charset="utf-8"><title>${subject}</title></head><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#111;max-width:600px;margin:0 auto;padding:16px"><p>Hello ${reader.displayName},</p>${entries}<p style="font-size:13px;color:#555;border-top:1px solid #ddd;padding-top:12px"><a href="${base(site)}/account">Change how often we write</a> · <a href="${unsubscribe}">Stop these e-mails</a></p></body></html>`
      .value,
  };
}

/** The list a reader's notification mail belongs to (List-Id, RFC 2919), and its one-click unsubscribe. */
export function notificationList(site: Site, unsubscribeToken: string) {
  let host = 'localhost';
  try {
    host = new URL(site.baseUrl).hostname;
  } catch {
    // a site without a proper address still gets a valid list id
  }
  return {
    unsubscribeUrl: unsubscribeLink(site, unsubscribeToken),
    id: `notifications.${site.id}.${host}`,
    name: `${site.name}: replies and followed stories`,
  };
}

/** Whether a reader's digest is due: never sent, or sent longer ago than its period. */
export function digestDue(mode: 'hourly' | 'daily', lastDigestAt: string | null, now: Date): boolean {
  return !lastDigestAt || now.getTime() - new Date(lastDigestAt).getTime() >= DIGEST_EVERY[mode];
}
