import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import type { Queue, QueueItem, QueueQuery } from './queues.ts';

// The queues, their counts and one item: always of the moderator's own site.

type Deps = Pick<Services, 'moderationRepository'>;

export function listQueue(deps: Deps, site: Site, q: Omit<QueueQuery, 'siteId'>): Promise<QueueItem[]> {
  return deps.moderationRepository.queue({ ...q, siteId: site.id });
}

export function countQueues(deps: Deps, site: Site): Promise<Record<Queue, number>> {
  return deps.moderationRepository.counts(site.id);
}

/** One comment of the site, as the queues show it; 404 for another site's. */
export async function loadItem(deps: Deps, site: Site, id: string): Promise<QueueItem> {
  const c = await deps.moderationRepository.item(site.id, id);
  if (!c) throw new AppError(E.COMMENT_NOT_FOUND);
  return c;
}
