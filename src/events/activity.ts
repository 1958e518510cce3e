import { newId } from '../shared/ids.ts';
import type { ActivityName, Bus } from './bus.ts';

/** Tells the bus that something happened on a site (see the 'activity' event); never throws. */
export function publishActivity(
  deps: { bus: Bus; now: () => Date },
  siteId: string,
  name: ActivityName,
  data: Record<string, unknown>,
): void {
  deps.bus.publish({ type: 'activity', id: newId(), siteId, name, at: deps.now().toISOString(), data });
}

/** A comment's activity data: who, where and what, without anything private. */
export function commentActivity(
  c: { id: string; storyId: string; parentId?: string | null; authorId?: string | null; status: string },
  story?: { url: string },
): Record<string, unknown> {
  return {
    commentId: c.id,
    storyId: c.storyId,
    storyUrl: story?.url ?? null,
    parentId: c.parentId ?? null,
    authorId: c.authorId ?? null,
    status: c.status,
  };
}
