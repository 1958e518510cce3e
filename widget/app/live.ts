// The live connection: the one place that opens the story's server-sent
// events and turns them into typed events. A comment the reader may not see
// arrives as null and is dropped here.
import type { Comment } from './types.ts';

export type LiveEvent =
  | { type: 'created'; comment: Comment }
  | { type: 'edited'; id: string; comment: Comment }
  | { type: 'removed'; id: string }
  /** someone reacted to a comment: its new count */
  | { type: 'reacted'; id: string; count: number }
  /** readers were notified of a comment here: the bell asks again */
  | { type: 'notified' }
  /** the server no longer has what the reader missed while away: the thread is loaded again */
  | { type: 'reset' };

/** The server's event names (stories.routes.ts: `comment.<change>`, `notifications.changed`, `reset`). */
export const LIVE_EVENTS = [
  'comment.created',
  'comment.edited',
  'comment.removed',
  'comment.reacted',
  'notifications.changed',
  'reset',
] as const;
export type LiveEventName = (typeof LIVE_EVENTS)[number];

export function liveUrl(storyId: string): string {
  return `/api/stories/${storyId}/events`;
}

/** One server-sent event as the widget uses it, or null for one it has nothing to do with. */
export function parseLiveEvent(name: LiveEventName, data: string): LiveEvent | null {
  if (name === 'notifications.changed') return { type: 'notified' };
  if (name === 'reset') return { type: 'reset' };
  let payload: { id?: unknown; comment?: Comment | null; count?: unknown };
  try {
    payload = JSON.parse(data) as typeof payload;
  } catch {
    return null;
  }
  const id = typeof payload?.id === 'string' ? payload.id : null;
  const comment = payload?.comment ?? null;
  if (name === 'comment.created') return comment ? { type: 'created', comment } : null;
  if (name === 'comment.edited') return comment && id ? { type: 'edited', id, comment } : null;
  if (name === 'comment.reacted')
    return id && typeof payload.count === 'number' ? { type: 'reacted', id, count: payload.count } : null;
  return id ? { type: 'removed', id } : null;
}

/** The part of EventSource the widget uses (tests pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (e: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

const browserSource: EventSourceFactory | undefined =
  typeof EventSource === 'undefined' ? undefined : (url) => new EventSource(url);

/**
 * Listens to a story's live events until the returned function is called.
 * Without EventSource the widget simply does without live updates. The
 * browser's own reconnects send the last event's id (Last-Event-ID): the
 * server replays what was missed, or sends `reset` when it cannot.
 */
export function connectLive(
  storyId: string,
  onEvent: (event: LiveEvent) => void,
  open: EventSourceFactory | undefined = browserSource,
): () => void {
  if (!open) return () => {};
  const source = open(liveUrl(storyId));
  for (const name of LIVE_EVENTS)
    source.addEventListener(name, (e) => {
      const event = parseLiveEvent(name, String(e.data));
      if (event) onEvent(event);
    });
  return () => source.close();
}
