// Comments and stories for the widget's tests, as the API sends them.
import type { Comment, Story } from './types.ts';

export function comment(id: string, over: Partial<Comment> = {}): Comment {
  return {
    id,
    storyId: 's1',
    parentId: null,
    depth: 0,
    author: { id: 'u1', name: 'Asha Rao', badges: [], staff: null, storyAuthor: false },
    html: `<p>${id}</p>`,
    status: 'published',
    statusReason: null,
    deleted: false,
    createdAt: '2025-03-01T10:00:00.000Z',
    editedAt: null,
    featured: false,
    reactions: { count: 0, mine: false },
    replyCount: 0,
    inReplyTo: null,
    replies: [],
    moreReplies: 0,
    mine: false,
    editableUntil: null,
    ...over,
  };
}

/** A reply to `parent`, one level deeper. */
export function reply(id: string, parent: Comment, over: Partial<Comment> = {}): Comment {
  return comment(id, { parentId: parent.id, depth: parent.depth + 1, ...over });
}

export function story(over: Partial<Story> = {}): Story {
  return { id: 's1', closed: false, closedMessage: null, commentCount: 0, ...over };
}

/** The ids of a tree, nested as it is: ['a', ['b', ['c']]]. */
export type Shape = (string | Shape)[];
export function shape(list: Comment[]): Shape {
  return list.flatMap((c) => (c.replies.length ? [c.id, shape(c.replies)] : [c.id]));
}

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: string | undefined;
}

/**
 * Puts a fake `fetch` in place for one test: it records each request and
 * answers with the next of `answers`: a Response as it is, anything else as a
 * JSON body with status 200.
 */
export function fakeFetch(...answers: unknown[]) {
  const calls: Call[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (async (path: string, init: RequestInit = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      path,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    });
    const next = answers.shift();
    return next instanceof Response ? next : Response.json(next ?? null);
  }) as typeof fetch;
  return { calls, restore: () => (globalThis.fetch = real) };
}

/** An answer without a body. */
export const noContent = () => new Response(null, { status: 204 });
