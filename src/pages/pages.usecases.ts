import type { ArticleSummary, ArticlesRepository } from '../articles/articles.repository.ts';
import type { ThreadPage } from '../comments/comment-view.ts';
import type { Sort } from '../comments/comments.repository.ts';
import type { StoriesRepository } from '../comments/stories.repository.ts';
import { storyForArticle } from '../comments/stories.usecases.ts';
import { type ReadDeps, readCommentContext, readThread } from '../comments/threads.usecases.ts';
import type { LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { AppError } from '../shared/errors.ts';
import type { SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { startOfLocalDay } from '../time/format.ts';
import { type Activity, mostDiscussed, rank } from '../topnews/ranking.ts';
import { articlePage } from './article.page.ts';
import { frontPage } from './front.page.ts';
import type { Chrome, PageViewer } from './layout.ts';
import { listingPage } from './listing.page.ts';
import { guidelinesPage, notFoundPage } from './simple.page.ts';
import { surrogateKey } from './surrogate-keys.ts';
import { urls } from './urls.ts';

export interface CommentOptions {
  sort?: Sort | undefined;
  after?: string | undefined;
  /** a permalinked comment: its thread is shown opened down to it */
  comment?: string | undefined;
}

export type { PageViewer } from './layout.ts';

export type PageResult = { status: 200 | 404; html: SafeHtml; keys?: string[] } | { status: 301; location: string };

export interface PagesDeps {
  articles: ArticlesRepository;
  liveblogs: LiveblogsRepository;
  /** what the comments' functions read with */
  comments: ReadDeps;
  stories: StoriesRepository;
  now: () => Date;
  /** addresses of the widget bundles the pages load */
  scripts: () => { app: string; counts: string };
  /** today's views and comments per article, for the ranking */
  activity?: (site: Site) => Promise<Map<string, Activity>>;
}

const TOP_NEWS_SIZE = 6;
const LEAD_SIZE = 3;
const SECTION_PREVIEW = 4;
const PAGE_SIZE = 20;
const LIVE_ENTRIES_SHOWN = 200;

export function createPagesUsecases(deps: PagesDeps) {
  const { articles, liveblogs } = deps;

  async function chrome(site: Site, viewer?: PageViewer | Chrome['viewer']): Promise<Chrome> {
    const [sections, banner] = await Promise.all([articles.listSections(site.id), liveblogs.bannerItems(site.id)]);
    const base = { site, sections, banner, scripts: deps.scripts() };
    return viewer
      ? { ...base, viewer: { displayName: viewer.displayName, csrf: viewer.csrf, role: viewer.role } }
      : base;
  }

  /**
   * Editors' picks first, in their order, then the day's other stories (the day
   * as the site's readers live it), ranked by readers and comments with a decay
   * (newsroom/ranking.ts), newest first while nobody has read them yet. An
   * article's page leaves itself out (`exclude`).
   */
  async function topNews(site: Site, exclude?: string): Promise<ArticleSummary[]> {
    const since = startOfLocalDay(deps.now(), site.timeZone).toISOString();
    const [picks, today] = await Promise.all([
      articles.listTopPicks(site.id),
      articles.listPublished({ siteId: site.id, publishedSince: since, limit: TOP_NEWS_SIZE * 2 }),
    ]);
    const list = picks.filter((a) => a.id !== exclude);
    const seen = new Set([...list.map((a) => a.id), ...(exclude ? [exclude] : [])]);
    // Readers and comments rank the rest of the day's stories.
    if (deps.activity) today.splice(0, today.length, ...rank(today, await deps.activity(site), deps.now()));
    const add = (more: ArticleSummary[]) => {
      for (const a of more) {
        if (list.length >= TOP_NEWS_SIZE) return;
        if (seen.has(a.id)) continue;
        list.push(a);
        seen.add(a.id);
      }
    };
    add(today);
    // Just after midnight "today" has little news yet: the newest stories keep
    // the list useful until the day's own stories arrive.
    if (list.length < TOP_NEWS_SIZE) add(await articles.listPublished({ siteId: site.id, limit: TOP_NEWS_SIZE * 2 }));
    return list;
  }

  async function notFound(site: Site, viewer?: PageViewer): Promise<PageResult> {
    return { status: 404, html: notFoundPage(await chrome(site, viewer)) };
  }

  function olderHref(path: string, list: ArticleSummary[]): string | undefined {
    const last = list[PAGE_SIZE - 1];
    return list.length >= PAGE_SIZE && last ? `${path}?before=${encodeURIComponent(last.publishedAt)}` : undefined;
  }

  /** The day's stories with the most published comments today. */
  async function mostDiscussedToday(site: Site, limit = TOP_NEWS_SIZE): Promise<ArticleSummary[]> {
    if (!deps.activity) return [];
    const since = startOfLocalDay(deps.now(), site.timeZone).toISOString();
    const activity = await deps.activity(site);
    const recent = await articles.listPublished({
      siteId: site.id,
      publishedSince: new Date(new Date(since).getTime() - 7 * 86_400_000).toISOString(),
      limit: 200,
    });
    return mostDiscussed(recent, activity, limit);
  }

  return {
    chrome,
    notFound,
    topNews,
    mostDiscussedToday,

    async front(site: Site, viewer?: PageViewer): Promise<PageResult> {
      const [c, top, lead] = await Promise.all([
        chrome(site, viewer),
        topNews(site),
        articles.listPublished({ siteId: site.id, limit: LEAD_SIZE }),
      ]);
      const leadIds = new Set(lead.map((a) => a.id));
      const bySection = await Promise.all(
        c.sections.map(async (section) => {
          const list = await articles.listPublished({
            siteId: site.id,
            sectionId: section.id,
            limit: SECTION_PREVIEW + LEAD_SIZE,
          });
          return { section, articles: list.filter((a) => !leadIds.has(a.id)).slice(0, SECTION_PREVIEW) };
        }),
      );
      return { status: 200, html: frontPage({ chrome: c, lead, topNews: top, bySection }) };
    },

    async article(
      site: Site,
      sectionSlug: string,
      slug: string,
      viewer?: PageViewer,
      opts: CommentOptions = {},
    ): Promise<PageResult> {
      const article = await articles.getPublishedBySlug(site.id, slug);
      if (!article) return notFound(site, viewer);
      // One canonical address per story: a wrong or old section redirects.
      if (article.section.slug !== sectionSlug) return { status: 301, location: urls.article(article) };
      const story = await storyForArticle(deps.comments, {
        site,
        article,
        url: urls.absolute(site, urls.article(article)),
      });
      const reader = viewer?.user ?? null;
      const sort = opts.sort ?? 'newest';
      const thread = async (): Promise<ThreadPage> => {
        if (opts.comment) {
          try {
            const { thread: t } = await readCommentContext(deps.comments, {
              site,
              commentId: opts.comment,
              viewer: reader,
            });
            const page = await readThread(deps.comments, { site, story, sort, limit: 0, viewer: reader });
            return { ...page, comments: [t], nextCursor: null };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
          }
        }
        return readThread(deps.comments, {
          site,
          story,
          sort,
          ...(opts.after ? { cursor: opts.after } : {}),
          limit: 20,
          viewer: reader,
        });
      };
      const [c, top, entries, page, settings] = await Promise.all([
        chrome(site, viewer),
        topNews(site, article.id),
        article.kind === 'liveblog'
          ? liveblogs.listEntries(article.id, LIVE_ENTRIES_SHOWN)
          : Promise.resolve(undefined),
        thread(),
        deps.stories.getSettings(site.id),
      ]);
      const comments = { page, sort, reactionLabel: settings.reactionLabel, maxLength: settings.maxLength, viewer };
      return {
        status: 200,
        html: articlePage({ chrome: c, article, topNews: top, comments, ...(entries ? { entries } : {}) }),
        keys: surrogateKey.articlePage(article.id, article.section.id, story.id),
      };
    },

    async section(
      site: Site,
      sectionSlug: string,
      before: string | undefined,
      viewer?: PageViewer,
    ): Promise<PageResult> {
      const section = await articles.getSectionBySlug(site.id, sectionSlug);
      if (!section) return notFound(site, viewer);
      const path = urls.section(section.slug);
      const [c, top, list] = await Promise.all([
        chrome(site, viewer),
        topNews(site),
        articles.listPublished({
          siteId: site.id,
          sectionId: section.id,
          limit: PAGE_SIZE,
          ...(before ? { before } : {}),
        }),
      ]);
      return {
        status: 200,
        html: listingPage({
          chrome: c,
          heading: section.name,
          intro: section.description,
          path,
          currentSection: section.slug,
          articles: list,
          olderHref: olderHref(path, list),
          topNews: top,
          feed: { title: `${site.name}: ${section.name}`, href: urls.sectionFeed(section.slug) },
          jsonLdType: 'CollectionPage',
        }),
        keys: [surrogateKey.section(section.id)],
      };
    },

    async author(site: Site, slug: string, before: string | undefined, viewer?: PageViewer): Promise<PageResult> {
      const author = await articles.getAuthorBySlug(site.id, slug);
      if (!author) return notFound(site, viewer);
      const path = urls.author(author.slug);
      const [c, top, list] = await Promise.all([
        chrome(site, viewer),
        topNews(site),
        articles.listPublished({
          siteId: site.id,
          authorId: author.id,
          limit: PAGE_SIZE,
          ...(before ? { before } : {}),
        }),
      ]);
      return {
        status: 200,
        html: listingPage({
          chrome: c,
          heading: author.name,
          intro: [author.title, author.bio].filter(Boolean).join('. '),
          path,
          articles: list,
          olderHref: olderHref(path, list),
          topNews: top,
          jsonLdType: 'ProfilePage',
        }),
      };
    },

    async tag(site: Site, slug: string, before: string | undefined, viewer?: PageViewer): Promise<PageResult> {
      const list = await articles.listPublished({
        siteId: site.id,
        tagSlug: slug,
        limit: PAGE_SIZE,
        ...(before ? { before } : {}),
      });
      if (list.length === 0 && !before) return notFound(site, viewer);
      const full = list[0] ? await articles.getPublishedBySlug(site.id, list[0].slug) : undefined;
      const name = full?.tags.find((t) => t.slug === slug)?.name ?? slug;
      const path = urls.tag(slug);
      const [c, top] = await Promise.all([chrome(site, viewer), topNews(site)]);
      return {
        status: 200,
        html: listingPage({
          chrome: c,
          heading: name,
          intro: '',
          path,
          articles: list,
          olderHref: olderHref(path, list),
          topNews: top,
          jsonLdType: 'CollectionPage',
        }),
      };
    },

    async guidelines(site: Site, viewer?: PageViewer): Promise<PageResult> {
      return { status: 200, html: guidelinesPage(await chrome(site, viewer)) };
    },
  };
}

export type PagesUsecases = ReturnType<typeof createPagesUsecases>;
