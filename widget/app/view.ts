// What the components show, decided without the DOM: labels, classes, which
// actions a reader has, the composer's words.
import type { ApiError } from './api.ts';
import { type Key, t } from './i18n.ts';
import type { Comment, Sort, User } from './types.ts';

export const SORTS: [Sort, Key][] = [
  ['newest', 'newest'],
  ['oldest', 'oldest'],
  ['reactions', 'mostReactions'],
  ['replies', 'mostReplies'],
];

export const REPORT_REASONS: [string, Key][] = [
  ['abusive', 'abusive'],
  ['personal', 'personal'],
  ['spam', 'spam'],
  ['off_topic', 'offTopic'],
  ['other', 'other'],
];

/** The labels after an author's name: the story's author, the staff role, then the badges earned. */
export function badges(author: Comment['author']): string[] {
  return [
    ...(author.storyAuthor ? [t('author')] : []),
    ...(author.staff === 'moderator' ? [t('moderator')] : author.staff === 'editor' ? [t('journalist')] : []),
    ...author.badges,
  ];
}

/**
 * A reader's avatar, made here from the name: its initials on a colour of its
 * own. No picture is fetched from anyone (no Gravatar), so no tracker sees who reads.
 */
export function avatar(name: string): { initials: string; color: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (w: string | undefined) => (w ? [...w][0]!.toUpperCase() : '');
  const initials = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]) || '?';
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return { initials, color: `hsl(${h} 45% 28%)` };
}

export function commentClass(c: Comment, highlighted: boolean): string {
  return `p-comment${c.author.storyAuthor ? ' p-by-author' : ''}${highlighted ? ' p-highlight' : ''}${c.deleted ? ' p-deleted' : ''}`;
}

export interface CommentActions {
  /** the reaction button is shown to all, but only works on others' published comments */
  reactDisabled: boolean;
  reply: boolean;
  edit: boolean;
  delete: boolean;
  report: boolean;
  feature: boolean;
}

/**
 * Whether the reader wrote the comment. A comment heard live comes as everyone
 * sees it (mine: false): the author's id tells.
 */
export function isOwn(c: Comment, user: User | null): boolean {
  return c.mine || Boolean(user && c.author.id === user.id);
}

/** Until when the reader may edit their comment: the server's word, or (heard live) its time plus the site's window. */
export function editableUntil(c: Comment, user: User | null, editWindowSeconds = 0): number {
  if (c.editableUntil) return new Date(c.editableUntil).getTime();
  return isOwn(c, user) && !c.deleted && editWindowSeconds > 0
    ? new Date(c.createdAt).getTime() + editWindowSeconds * 1000
    : 0;
}

/** The actions a reader has on a comment (signed out, the buttons that need an account ask to log in). */
export function commentActions(
  c: Comment,
  user: User | null,
  closed: boolean,
  now = Date.now(),
  editWindowSeconds = 0,
): CommentActions {
  const published = c.status === 'published';
  const mine = isOwn(c, user);
  return {
    reactDisabled: mine || !published,
    reply: !closed && published,
    edit: mine && editableUntil(c, user, editWindowSeconds) > now,
    delete: mine,
    report: !mine && published,
    feature: Boolean(user && user.role !== 'reader') && published,
  };
}

/** What the list says when it shows nothing: nothing while loading, nor once a comment has arrived live. */
export function emptyState(tab: string, loading: boolean, shown: number, waiting: number): Key | null {
  if (loading || shown > 0 || waiting > 0) return null;
  return tab === 'featured' ? 'noFeatured' : 'noComments';
}

export function reactionLabel(label: string, count: number): string {
  return `${label} ${count > 0 ? `· ${count}` : ''}`;
}

/**
 * Why the reader may not write now, in place of the composer: banned, or
 * suspended until a date still to come. Null when they may.
 */
export function postingBlock(user: User | null, timeZone: string, now = Date.now()): string | null {
  if (!user) return null;
  const reason = user.sanctionReason ? ` ${t('sanctionReason', { reason: user.sanctionReason })}` : '';
  if (user.status === 'banned') return t('banned') + reason;
  if (user.status === 'suspended' && user.sanctionUntil && new Date(user.sanctionUntil).getTime() > now) {
    const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(user.sanctionUntil),
    );
    return t('suspended', { until }) + reason;
  }
  return null;
}

/** What a composer is for: a new comment, a reply or an edit. */
export type ComposerKind = 'new' | 'reply' | 'edit';

export function composerKind(editId?: string, parentId?: string): ComposerKind {
  return editId ? 'edit' : parentId ? 'reply' : 'new';
}

export function composerLabel(kind: ComposerKind, name: string): string {
  return kind === 'edit' ? t('editYourComment') : kind === 'reply' ? t('yourReply') : t('yourCommentAs', { name });
}

/** The submit button's words; while the comment is on its way (`busy`), that it is sending. */
export function submitLabel(kind: ComposerKind, busy = false): string {
  if (busy) return kind === 'edit' ? t('saving') : t('posting');
  return kind === 'edit' ? t('save') : kind === 'reply' ? t('reply') : t('postComment');
}

/** The textarea's id, unique on the page: one composer per parent, per edited comment, and the new one. */
export function composerId(parentId?: string, editId?: string): string {
  return `p-text-${parentId ?? editId ?? 'new'}`;
}

/** Characters, not UTF-16 units: an emoji counts once, as the server counts it. */
export function charactersLeft(maxLength: number, text: string): number {
  return maxLength - [...text].length;
}

/** A refusal the writer may overrule by sending the comment to a moderator (the guidelines' nudge). */
export function isNudge(error: Pick<ApiError, 'code' | 'details'>): boolean {
  return error.code === 'COMMENT_REFUSED' && Boolean((error.details as { nudge?: boolean } | undefined)?.nudge);
}

/** A fresh idempotency key for the next post. */
export function idempotencyKey(now = Date.now(), random = Math.random()): string {
  return `${now.toString(36)}-${random.toString(36).slice(2)}`;
}

/** The page's address without query or fragment, ready for `?comment=<id>`. */
export function permalinkBase(pageUrl: string): string {
  return `${pageUrl.split('#')[0]!.split('?')[0]}?comment=`;
}
