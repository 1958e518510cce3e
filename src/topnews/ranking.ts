import type { ArticleSummary } from '../articles/articles.repository.ts';

// Today's ranking: readers and comments, with a decay so that a story read a
// lot early in the morning gives way to newer ones. score = (views + 5 ×
// comments) / (hours since publication + 2)^1.5 — the "gravity" ranking of
// news aggregators; a comment counts five views because it is rarer and a
// deeper sign of interest.

export interface Activity {
  views: number;
  comments: number;
}

export const COMMENT_WEIGHT = 5;
export const GRAVITY = 1.5;

export function score(a: Pick<ArticleSummary, 'publishedAt'>, act: Activity | undefined, now: Date): number {
  const hours = Math.max(0, (now.getTime() - new Date(a.publishedAt).getTime()) / 3_600_000);
  return ((act?.views ?? 0) + COMMENT_WEIGHT * (act?.comments ?? 0)) / (hours + 2) ** GRAVITY;
}

/** Highest score first; ties (no activity yet) newest first. */
export function rank<T extends Pick<ArticleSummary, 'id' | 'publishedAt'>>(
  list: T[],
  activity: Map<string, Activity>,
  now: Date,
): T[] {
  return [...list].sort(
    (x, y) =>
      score(y, activity.get(y.id), now) - score(x, activity.get(x.id), now) ||
      y.publishedAt.localeCompare(x.publishedAt),
  );
}

/** Most discussed: published comments today, most first. */
export function mostDiscussed<T extends Pick<ArticleSummary, 'id'>>(
  list: T[],
  activity: Map<string, Activity>,
  limit: number,
): T[] {
  return list
    .filter((a) => (activity.get(a.id)?.comments ?? 0) > 0)
    .sort((x, y) => (activity.get(y.id)?.comments ?? 0) - (activity.get(x.id)?.comments ?? 0))
    .slice(0, limit);
}
