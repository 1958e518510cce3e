// Every call the widget makes to Parley's API, typed: the components never
// spell a path or a method.

import { api } from './api.ts';
import type { Highlight } from './highlights.ts';
import type { Comment, Config, Notifications, Options, Sort, Story, Tab, User } from './types.ts';

export interface CommentsPage {
  story: Story;
  comments: Comment[];
  nextCursor: string | null;
}

export const getConfig = () => api<Config>('GET', '/api/embed/config');

/** The story the app shows: by Parley's id, or found (and created on first load) by the page's address. */
export async function findStory(opts: Options): Promise<Story> {
  if (opts.storyId) return (await api<{ story: Story }>('GET', `/api/stories/${opts.storyId}/comments?limit=1`)).story;
  const q = new URLSearchParams({
    url: opts.url ?? '',
    ...(opts.externalId ? { storyId: opts.externalId } : {}),
    ...(opts.title ? { title: opts.title } : {}),
  });
  return api<Story>('GET', `/api/stories/resolve?${q}`);
}

export const getSession = () => api<{ user: User | null; csrfToken: string }>('GET', '/api/auth/session');

/** A session of the frame's own, in a partitioned cookie (see session.ts, keepSignIn). */
export const startEmbedSession = () => api<{ partitioned: boolean }>('POST', '/api/auth/embed-session');

/** Trades the publisher's sign-on token for a bearer token. */
export const signOnWith = (token: string) =>
  api<{ bearer: { token: string } }>('POST', '/api/auth/sso', { token }).then((r) => r.bearer.token);

export function getComments(storyId: string, sort: Sort, tab: Tab, cursor: string | null): Promise<CommentsPage> {
  const q = new URLSearchParams({ sort, limit: '20', tab });
  if (cursor) q.set('cursor', cursor);
  return api<CommentsPage>('GET', `/api/stories/${storyId}/comments?${q}`);
}

/** The whole thread a comment sits in (for a permalink). */
export const getThread = (id: string) =>
  api<{ thread: Comment }>('GET', `/api/comments/${id}/context`).then((r) => r.thread);

/** All of a comment's replies, page after page. */
export async function getAllReplies(id: string): Promise<Comment[]> {
  const all: Comment[] = [];
  let next: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '50', ...(next ? { cursor: next } : {}) });
    const r = await api<{ comments: Comment[]; nextCursor: string | null }>('GET', `/api/comments/${id}/replies?${q}`);
    all.push(...r.comments);
    next = r.nextCursor;
  } while (next);
  return all;
}

/** Posts a comment or a reply; the same idempotency key makes a retried post count once. */
export const postComment = (
  storyId: string,
  input: { body: string; parentId: string | null; sendAnyway: boolean },
  idempotencyKey: string,
) =>
  api<{ comment: Comment; moderation: { decision: string; highlights?: Highlight[] } }>(
    'POST',
    `/api/stories/${storyId}/comments`,
    input,
    { 'idempotency-key': idempotencyKey },
  ).then((r) => Object.assign(r.comment, { flagged: r.moderation.highlights ?? [] }));

export const editComment = (id: string, body: string) => api<Comment>('PATCH', `/api/comments/${id}`, { body });

export const deleteComment = (id: string) => api('DELETE', `/api/comments/${id}`);

export const setReaction = (id: string, on: boolean) =>
  api<{ count: number; mine: boolean }>(on ? 'PUT' : 'DELETE', `/api/comments/${id}/reaction`);

export const setFeatured = (id: string, on: boolean) => api(on ? 'PUT' : 'DELETE', `/api/comments/${id}/featured`);

export const reportComment = (id: string, reason: string, note: string) =>
  api('POST', `/api/comments/${id}/reports`, { reason, ...(note ? { note } : {}) });

export const getFollowing = (storyId: string) =>
  api<{ following: boolean }>('GET', `/api/stories/${storyId}/follow`).then((r) => r.following);

export const setFollowing = (storyId: string, on: boolean) =>
  api<{ following: boolean }>(on ? 'PUT' : 'DELETE', `/api/stories/${storyId}/follow`).then((r) => r.following);

export const getNotifications = () => api<Notifications>('GET', '/api/me/notifications');

export const markNotificationsRead = () => api('POST', '/api/me/notifications/read', {});
