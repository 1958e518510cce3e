import type { Services } from '../core/services.ts';
import type { Site } from '../sites/sites.repository.ts';
import { type Dashboard, dashboardFigures, WEEK_MS } from './dashboard.ts';

/** The site's moderation dashboard, now, in its time zone. */
export async function loadDashboard(
  deps: Pick<Services, 'moderationRepository' | 'now'>,
  site: Site,
): Promise<Dashboard> {
  const now = deps.now();
  const weekAgo = new Date(now.getTime() - WEEK_MS).toISOString();
  const repo = deps.moderationRepository;
  const [rows, actions, queues] = await Promise.all([
    repo.since(site.id, weekAgo),
    repo.actionsSince(site.id, weekAgo),
    repo.counts(site.id),
  ]);
  return dashboardFigures({ rows, actions, queues, timeZone: site.timeZone, now });
}
