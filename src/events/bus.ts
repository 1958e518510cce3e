// The event bus between features. One process by default; the PostgreSQL
// LISTEN/NOTIFY bus for several app instances implements the same interface.

export type ParleyEvent =
  /** anything that changes what anonymous readers see on a site's pages; `articleId` when one article did */
  | { type: 'content.changed'; siteId: string; articleId?: string }
  /** a comment appeared, changed, went away or was reacted to; `comment` is its public view when readers may see it */
  | {
      type: 'comment.changed';
      siteId: string;
      storyId: string;
      storyUrl: string;
      change: 'created' | 'edited' | 'removed' | 'reacted';
      commentId: string;
      comment: unknown | null;
      /** a reaction's new count (change 'reacted') */
      reactionCount?: number;
    }
  /** readers were notified of a comment on this story: their bells ask again */
  | { type: 'notifications.changed'; siteId: string; storyId: string }
  /** something for moderators: a comment was held, reported or appealed (queued), or decided */
  /** live coverage: an entry posted, edited or removed, or the banner changed */
  | {
      type: 'live.changed';
      siteId: string;
      articleId: string;
      change: 'entry' | 'entry-removed' | 'banner';
      entryId?: string;
    }
  /** a site's guidelines changed (its model was turned on or off): instances read them again */
  | { type: 'guidelines.changed'; siteId: string }
  /** this instance's bus connection came back after a gap: events may have been missed, caches start again */
  | { type: 'bus.reconnected' }
  /**
   * something a publisher's systems may want to hear of (webhooks: src/webhooks/). One per
   * thing that happened; `id` is unique, so instances that all hear it act on it once.
   */
  | { type: 'activity'; id: string; siteId: string; name: ActivityName; at: string; data: Record<string, unknown> }
  | {
      type: 'moderation.changed';
      siteId: string;
      commentId: string;
      change: 'queued' | 'decided';
      by?: { id: string; name: string };
    };

/** Where an event was published: in this process (local) or another instance. */
export interface EventOrigin {
  local: boolean;
}

export type BusListener = (event: ParleyEvent, origin: EventOrigin) => void;

/** local: one process, nothing to lose; listening: hears other instances; reconnecting: does not, for now */
export type BusState = 'local' | 'listening' | 'reconnecting';
export type ActivityName =
  | 'comment.created'
  | 'comment.published'
  | 'comment.refused'
  | 'comment.edited'
  | 'comment.deleted'
  | 'story.closed'
  | 'user.banned'
  | 'import.finished';

export interface Bus {
  publish(event: ParleyEvent): void;
  subscribe(listener: BusListener): () => void;
  state(): BusState;
}

export function createInProcessBus(): Bus {
  const listeners = new Set<BusListener>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event, { local: true });
        } catch {
          // a failing listener must not stop the others from hearing the event
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => 'local',
  };
}
