import type { ArticlesRepository } from '../articles/articles.repository.ts';
import { newsroomErrors as E } from '../articles/newsroom.errors.ts';
import type { Bus } from '../events/bus.ts';
import { AppError } from '../shared/errors.ts';
import type { TopnewsRepository } from './topnews.repository.ts';

/** The editors' picks, in order; every cached page with Top News on it follows. */
export async function setTopPicks(
  deps: { topnewsRepository: TopnewsRepository; articlesRepository: ArticlesRepository; bus: Bus },
  input: { siteId: string; articleIds: string[] },
): Promise<void> {
  const ids = [...new Set(input.articleIds)];
  for (const id of ids)
    if (!(await deps.articlesRepository.summaryById(input.siteId, id))) throw new AppError(E.ARTICLE_NOT_FOUND);
  await deps.topnewsRepository.setPicks(input.siteId, ids);
  deps.bus.publish({ type: 'content.changed', siteId: input.siteId });
}
