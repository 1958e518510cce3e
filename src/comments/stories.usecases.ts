import type { User } from '../accounts/users.repository.ts';
import type { ArticlesRepository } from '../articles/articles.repository.ts';
import { publishActivity } from '../events/activity.ts';
import type { Bus } from '../events/bus.ts';
import { urls } from '../pages/urls.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import { STAFF, type StoryInfo, storyInfo } from './comment-view.ts';
import { commentErrors as E } from './comments.errors.ts';
import { closedReason } from './rules.ts';
import type { StoriesRepository, Story } from './stories.repository.ts';
import { normaliseStoryUrl } from './story-url.ts';

// Stories: what comments hang from. One per Parley article, or per page of
// another site that embeds the comments; staff close and reopen them.

// Deps are typed here, not as Pick<Services>: core/services.ts builds the pages that call these.
type StoriesDeps = { storiesRepository: StoriesRepository; now: () => Date };

/** The story of one of Parley's own articles, made on first need. */
export async function storyForArticle(
  deps: StoriesDeps,
  input: { site: Site; article: { id: string; headline: string; publishedAt: string }; url: string },
): Promise<Story> {
  const { site, article } = input;
  const key = `article:${article.id}`;
  return (
    (await deps.storiesRepository.getByKey(site.id, key)) ??
    deps.storiesRepository.ensure({
      id: newId(),
      siteId: site.id,
      key,
      articleId: article.id,
      url: input.url,
      title: article.headline,
      openedAt: article.publishedAt,
      createdAt: deps.now().toISOString(),
    })
  );
}

/** The story of a page on another site, keyed by its own id, or by its normalised URL. */
export async function storyForEmbed(
  deps: StoriesDeps,
  input: { site: Site; storyId?: string | undefined; url: string; title?: string | undefined },
): Promise<Story> {
  const normal = normaliseStoryUrl(input.url);
  if (!normal) throw new AppError(E.STORY_URL_INVALID);
  const key = input.storyId ? `ext:${input.storyId}` : `url:${normal}`;
  const at = deps.now().toISOString();
  return (
    (await deps.storiesRepository.getByKey(input.site.id, key)) ??
    deps.storiesRepository.ensure({
      id: newId(),
      siteId: input.site.id,
      key,
      articleId: null,
      url: input.url,
      title: (input.title ?? normal).slice(0, 300),
      openedAt: at,
      createdAt: at,
    })
  );
}

/** An embedding page's story as the widget first sees it: whether it is open, and how many comments it has. */
/** The published article of this site at an address (its canonical path, on the site's origin), if any. */
async function ownArticleAt(
  deps: { articlesRepository: Pick<ArticlesRepository, 'getPublishedBySlug'> },
  site: Site,
  url: string,
) {
  let section: string | undefined;
  let slug: string | undefined;
  try {
    const u = new URL(url);
    if (u.origin !== new URL(site.baseUrl).origin) return undefined;
    const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length !== 2) return undefined;
    [section, slug] = parts;
  } catch {
    return undefined;
  }
  const article = await deps.articlesRepository.getPublishedBySlug(site.id, slug!);
  return article && article.section.slug === section ? article : undefined;
}

export async function resolveEmbedStory(
  deps: StoriesDeps & { articlesRepository: Pick<ArticlesRepository, 'getPublishedBySlug'> },
  input: { site: Site; storyId?: string | undefined; url: string; title?: string | undefined },
): Promise<StoryInfo> {
  // The address of one of the site's own articles is that article's thread, not a story of its own.
  const own = await ownArticleAt(deps, input.site, input.url);
  const story = own
    ? await storyForArticle(deps, { site: input.site, article: own, url: urls.absolute(input.site, urls.article(own)) })
    : await storyForEmbed(deps, input);
  const settings = await deps.storiesRepository.getSettings(input.site.id);
  return storyInfo(story, closedReason(story, settings, deps.now()));
}

/** The readers who wrote the story's article: their comments carry an "Author" badge. */
export async function authorsOfStory(
  deps: { storiesRepository: StoriesRepository },
  story: Story,
): Promise<Set<string>> {
  return new Set(story.articleId ? await deps.storiesRepository.articleAuthorUserIds(story.articleId) : []);
}

export async function setStoryClosed(
  deps: { storiesRepository: StoriesRepository; bus: Bus; now: () => Date },
  input: { site: Site; user: User; storyId: string; closed: boolean },
): Promise<void> {
  if (!STAFF.has(input.user.role)) throw new AppError(E.STAFF_ONLY);
  const story = await deps.storiesRepository.get(input.storyId);
  if (!story || story.siteId !== input.site.id) throw new AppError(E.STORY_NOT_FOUND);
  await deps.storiesRepository.setClosed(input.storyId, input.closed);
  deps.bus.publish({ type: 'content.changed', siteId: input.site.id });
  if (input.closed) publishActivity(deps, input.site.id, 'story.closed', { storyId: story.id, storyUrl: story.url });
}

/** The keys of a counts request: at most 200, each as asked and as stored (addresses normalised). */
export function countKeys(raw: string): Map<string, string> {
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .slice(0, 200);
  return new Map(keys.map((k) => [k.startsWith('url:') ? `url:${normaliseStoryUrl(k.slice(4)) ?? ''}` : k, k]));
}

/** Published comment counts for many stories at once, by the keys asked (0 for a story not there). */
export async function countComments(
  deps: { storiesRepository: StoriesRepository },
  input: { site: Site; keys: string },
): Promise<Record<string, number>> {
  const lookup = countKeys(input.keys);
  const found = await deps.storiesRepository.countsByKeys(input.site.id, [...lookup.keys()]);
  const counts: Record<string, number> = {};
  for (const [stored, asked] of lookup) counts[asked] = found.get(stored) ?? 0;
  return counts;
}
