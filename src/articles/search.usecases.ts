import type { Site } from '../sites/sites.repository.ts';
import type { ArticleSummary, ArticlesRepository } from './articles.repository.ts';
import type { NewsroomRepository } from './newsroom.repository.ts';

const RESULTS = 30;

/** Readers' search: published articles matching every word (as a prefix), best first. */
export async function searchArticles(
  deps: { newsroomRepository: NewsroomRepository; articlesRepository: ArticlesRepository },
  input: { site: Site; text: string },
): Promise<ArticleSummary[]> {
  const text = input.text.trim();
  if (!text) return [];
  // the search answers '-' alone when nothing matched, so that a query `in (…)` stays valid
  const ids = (await deps.newsroomRepository.searchIds(input.site.id, text, RESULTS, true)).filter((id) => id !== '-');
  const found = await Promise.all(ids.map((id) => deps.articlesRepository.summaryById(input.site.id, id)));
  return found.filter((a) => a !== undefined);
}
