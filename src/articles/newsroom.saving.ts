import type { User } from '../accounts/users.repository.ts';
import type { Bus } from '../events/bus.ts';
import type { WebSub } from '../feeds/websub.ts';
import type { ImagesUsecases } from '../images/images.usecases.ts';
import type { LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { slugify } from '../shared/slug.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { ArticleKind } from '../storage/schema.ts';
import type { ArticlesRepository } from './articles.repository.ts';
import { imageIds, textToBlocks } from './body-text.ts';
import { newsroomErrors as E } from './newsroom.errors.ts';
import type { EditableArticle, NewsroomRepository } from './newsroom.repository.ts';

// The one way an article is saved, shared by the workflow and live coverage:
// the editor's fields made into an article, a conditional write with its
// revision, and the news of the change to pages, feeds and open live pages.

export interface ArticleInput {
  kind?: ArticleKind | undefined;
  headline: string;
  shortTitle?: string | undefined;
  standfirst: string;
  bodyText: string;
  sectionId: string;
  tags?: string | undefined;
  authorIds?: string[] | undefined;
  dateline?: string | undefined;
  slug?: string | undefined;
  seoTitle?: string | undefined;
  seoDescription?: string | undefined;
  commentsOpen?: boolean | undefined;
  liveTopic?: string | undefined;
  /** an uploaded image's id and its words; an empty id removes it, absent keeps the article's */
  leadImage?: { imageId: string; alt?: string | undefined; caption?: string | undefined; credit?: string | undefined };
}

export interface NewsroomDeps {
  newsroom: NewsroomRepository;
  articles: ArticlesRepository;
  liveblogs: LiveblogsRepository;
  images: ImagesUsecases;
  bus: Bus;
  now: () => Date;
  sites: (id: string) => Promise<Site | undefined>;
  websub?: WebSub;
}

export function createArticleWriter(deps: NewsroomDeps) {
  const { newsroom: repo, now } = deps;
  const iso = () => now().toISOString();
  const trimOrNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

  async function load(site: Site, id: string): Promise<EditableArticle> {
    const a = await repo.get(site.id, id);
    if (!a) throw new AppError(E.ARTICLE_NOT_FOUND);
    return a;
  }

  function changed(
    site: Site,
    articleId?: string,
    live?: { kind: 'entry' | 'entry-removed' | 'banner'; entryId?: string },
  ) {
    deps.bus.publish({ type: 'content.changed', siteId: site.id, ...(articleId ? { articleId } : {}) });
    if (articleId && live)
      deps.bus.publish({
        type: 'live.changed',
        siteId: site.id,
        articleId,
        change: live.kind,
        ...(live.entryId ? { entryId: live.entryId } : {}),
      });
  }

  async function write(
    site: Site,
    editor: User,
    a: EditableArticle,
    expectedVersion: number,
  ): Promise<EditableArticle> {
    if (await repo.slugTaken(site.id, a.slug, a.id))
      throw new AppError(E.SLUG_TAKEN, `Another article already has the address "${a.slug}".`);
    // What the public saw before: unpublishing changes it as much as publishing.
    const before = expectedVersion >= 0 ? await repo.get(site.id, a.id) : undefined;
    if (!(await repo.save({ ...a, modifiedAt: iso() }, expectedVersion, editor.displayName, newId())))
      throw new AppError(E.ARTICLE_CONFLICT);
    const saved = await load(site, a.id);
    // Anything the public can see changed: pages, feeds and banners follow.
    if (saved.status === 'published' || before?.status === 'published' || a.inBanner || before?.inBanner)
      changed(site, a.id, saved.kind === 'liveblog' ? { kind: 'banner' } : undefined);
    if (saved.status === 'published' && deps.websub) {
      const section = (await deps.articles.listSections(site.id)).find((s) => s.id === saved.sectionId);
      void deps.websub.ping(site, ['/feed.xml', ...(section ? [`/${section.slug}/feed.xml`] : [])]);
    }
    return saved;
  }

  /** The lead image an editor chose: one of the site's images, described for readers who cannot see it. */
  async function leadImage(site: Site, input: ArticleInput, base: EditableArticle | undefined) {
    const chosen = input.leadImage;
    if (!chosen) return base?.leadImage ?? null;
    const imageId = chosen.imageId.trim();
    if (!imageId) return null;
    if (!(await deps.images.refs(site.id, [imageId])).has(imageId)) throw new AppError(E.LEAD_IMAGE_NOT_FOUND);
    const alt = chosen.alt?.trim() ?? '';
    if (!alt) throw new AppError(E.LEAD_IMAGE_ALT_REQUIRED);
    return { imageId, alt, caption: chosen.caption?.trim() ?? '', credit: chosen.credit?.trim() ?? '' };
  }

  async function fields(site: Site, input: ArticleInput, base: EditableArticle | undefined): Promise<EditableArticle> {
    const sections = await deps.articles.listSections(site.id);
    if (!sections.some((s) => s.id === input.sectionId)) throw new AppError(E.SECTION_NOT_FOUND);
    const headline = input.headline.trim();
    const body = textToBlocks(input.bodyText, await deps.images.refs(site.id, imageIds(input.bodyText)));
    if (!headline) throw new AppError(E.EMPTY_BODY);
    const kind = base?.kind ?? input.kind ?? 'article';
    if (kind === 'article' && body.length === 0) throw new AppError(E.EMPTY_BODY);
    const tags = (input.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
      .slice(0, 20)
      .map((name) => ({ slug: slugify(name), name }))
      .filter((t, i, all) => t.slug && all.findIndex((x) => x.slug === t.slug) === i);
    return {
      id: base?.id ?? newId(),
      siteId: site.id,
      kind,
      sectionId: input.sectionId,
      slug: slugify(input.slug?.trim() || base?.slug || headline) || newId(),
      headline,
      shortTitle: trimOrNull(input.shortTitle),
      standfirst: input.standfirst.trim(),
      body,
      dateline: trimOrNull(input.dateline)?.toUpperCase() ?? null,
      seoTitle: trimOrNull(input.seoTitle),
      seoDescription: trimOrNull(input.seoDescription),
      commentsOpen: input.commentsOpen ?? base?.commentsOpen ?? true,
      authorIds: input.authorIds ?? base?.authorIds ?? [],
      tags,
      status: base?.status ?? 'draft',
      publishedAt: base?.publishedAt ?? null,
      updatedAt: base?.updatedAt ?? null,
      scheduledAt: base?.scheduledAt ?? null,
      correction: base?.correction ?? null,
      correctedAt: base?.correctedAt ?? null,
      liveStatus: kind === 'liveblog' ? (base?.liveStatus ?? 'live') : null,
      liveTopic: kind === 'liveblog' ? (trimOrNull(input.liveTopic) ?? base?.liveTopic ?? null) : null,
      inBanner: base?.inBanner ?? false,
      leadImage: await leadImage(site, input, base),
      modifiedAt: iso(),
      version: base?.version ?? 0,
    };
  }

  return { iso, trimOrNull, load, changed, write, fields };
}

export type ArticleWriter = ReturnType<typeof createArticleWriter>;
