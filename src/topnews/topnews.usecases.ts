import type { Bus } from '../events/bus.ts';
import type { TopnewsRepository } from './topnews.repository.ts';

/** The editors' picks, in order; every cached page with Top News on it follows. */
export async function setTopPicks(
  deps: { topnewsRepository: TopnewsRepository; bus: Bus },
  input: { siteId: string; articleIds: string[] },
): Promise<void> {
  await deps.topnewsRepository.setPicks(input.siteId, input.articleIds);
  deps.bus.publish({ type: 'content.changed', siteId: input.siteId });
}
