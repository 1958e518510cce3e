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
import { type EditableArticle, type NewsroomRepository, workflowState } from './newsroom.repository.ts';

// Writing and publishing: drafts, scheduling, publication, the editor's
// deliberate "update" (a visible Updated time), corrections, revisions and
// restore; live coverage: entries, the banner, the end of coverage. Every
// change tells the pages (content.changed) and open live pages (live.changed).

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
}

/** Live blogs end by themselves after this long without an entry. */
export const LIVE_IDLE_HOURS = 12;

export function createNewsroomUsecases(deps: {
  newsroom: NewsroomRepository;
  articles: ArticlesRepository;
  liveblogs: LiveblogsRepository;
  images: ImagesUsecases;
  bus: Bus;
  now: () => Date;
  sites: (id: string) => Promise<Site | undefined>;
  websub?: WebSub;
}) {
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
    deps.bus.publish({ type: 'content.changed', siteId: site.id });
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
    if (!(await repo.save({ ...a, modifiedAt: iso() }, expectedVersion, editor.displayName, newId())))
      throw new AppError(E.ARTICLE_CONFLICT);
    const saved = await load(site, a.id);
    // Anything the public can see changed: pages, feeds and banners follow.
    if (saved.status === 'published' || a.status === 'published' || a.inBanner)
      changed(site, a.id, saved.kind === 'liveblog' ? { kind: 'banner' } : undefined);
    if (saved.status === 'published' && deps.websub) {
      const section = (await deps.articles.listSections(site.id)).find((s) => s.id === saved.sectionId);
      void deps.websub.ping(site, ['/feed.xml', ...(section ? [`/${section.slug}/feed.xml`] : [])]);
    }
    return saved;
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
      modifiedAt: iso(),
      version: base?.version ?? 0,
    };
  }

  const usecases = {
    get: load,
    list: (site: Site, q: { text?: string | undefined; limit: number }) => repo.list(site.id, q),
    revisions: (articleId: string) => repo.revisions(articleId),
    state: workflowState,

    async create(site: Site, editor: User, input: ArticleInput): Promise<EditableArticle> {
      const a = await fields(site, input, undefined);
      return write(site, editor, a, -1);
    },

    async update(site: Site, editor: User, id: string, version: number, input: ArticleInput): Promise<EditableArticle> {
      const base = await load(site, id);
      return write(site, editor, await fields(site, input, base), version);
    },

    async publish(site: Site, editor: User, id: string, version: number): Promise<EditableArticle> {
      const a = await load(site, id);
      // A first publication sets the time; publishing again after unpublishing keeps it.
      return write(
        site,
        editor,
        { ...a, status: 'published', publishedAt: a.publishedAt ?? iso(), scheduledAt: null },
        version,
      );
    },

    async schedule(site: Site, editor: User, id: string, version: number, at: string): Promise<EditableArticle> {
      if (at <= iso()) throw new AppError(E.SCHEDULE_IN_PAST);
      const a = await load(site, id);
      return write(site, editor, { ...a, status: 'draft', scheduledAt: at }, version);
    },

    async unpublish(site: Site, editor: User, id: string, version: number): Promise<EditableArticle> {
      const a = await load(site, id);
      return write(site, editor, { ...a, status: 'draft', scheduledAt: null, inBanner: false }, version);
    },

    /** The editor's deliberate update: the article's time line gains "Updated …". */
    async markUpdated(site: Site, editor: User, id: string, version: number): Promise<EditableArticle> {
      const a = await load(site, id);
      if (a.status !== 'published') throw new AppError(E.NOT_PUBLISHED);
      return write(site, editor, { ...a, updatedAt: iso() }, version);
    },

    /** A correction: a note shown on the page, and an update. */
    async correct(site: Site, editor: User, id: string, version: number, note: string): Promise<EditableArticle> {
      const a = await load(site, id);
      if (a.status !== 'published') throw new AppError(E.NOT_PUBLISHED);
      return write(
        site,
        editor,
        { ...a, correction: note.trim().slice(0, 1000), correctedAt: iso(), updatedAt: iso() },
        version,
      );
    },

    /** Uploads an image and adds it at the end of the body (the editor moves its line where it belongs). */
    async addImage(
      site: Site,
      editor: User,
      id: string,
      version: number,
      file: Buffer,
      meta: { alt: string; caption?: string | undefined; credit?: string | undefined },
    ): Promise<EditableArticle> {
      const a = await load(site, id);
      const image = await deps.images.upload(site.id, file);
      const block = {
        type: 'image' as const,
        image,
        alt: meta.alt.trim(),
        text: meta.caption?.trim() ?? '',
        ...(meta.credit?.trim() ? { credit: meta.credit.trim() } : {}),
      };
      return write(site, editor, { ...a, body: [...a.body, block] }, version);
    },

    /** Brings back the words of an earlier revision (not its workflow state). */
    async restore(site: Site, editor: User, id: string, version: number, revisionId: string): Promise<EditableArticle> {
      const a = await load(site, id);
      const r = (await repo.revisions(id)).find((x) => x.id === revisionId);
      if (!r) throw new AppError(E.ARTICLE_NOT_FOUND, 'There is no such revision.');
      const s = r.snapshot;
      return write(
        site,
        editor,
        {
          ...a,
          headline: s.headline,
          shortTitle: s.shortTitle,
          standfirst: s.standfirst,
          body: s.body,
          dateline: s.dateline,
          seoTitle: s.seoTitle,
          seoDescription: s.seoDescription,
          tags: s.tags,
          authorIds: s.authorIds,
          sectionId: s.sectionId,
        },
        version,
      );
    },

    /** Publishes what is due (every minute, and at start). */
    async publishDue(system: User): Promise<number> {
      let n = 0;
      for (const d of await repo.due(iso())) {
        const a = await repo.get(d.siteId, d.id);
        if (!a) continue;
        const site = await deps.sites(d.siteId);
        if (!site) continue;
        await write(
          site,
          system,
          { ...a, status: 'published', publishedAt: a.scheduledAt ?? iso(), scheduledAt: null },
          a.version,
        ).catch(() => undefined);
        n++;
      }
      return n;
    },

    /** Ends live blogs without an entry for LIVE_IDLE_HOURS; their banner goes. */
    async endIdleLiveBlogs(system: User): Promise<number> {
      const stale = await repo.stale(new Date(now().getTime() - LIVE_IDLE_HOURS * 3_600_000).toISOString());
      for (const s of stale) {
        const a = await repo.get(s.siteId, s.id);
        const site = await deps.sites(s.siteId);
        if (a && site)
          await write(site, system, { ...a, liveStatus: 'ended', inBanner: false }, a.version).catch(() => undefined);
      }
      return stale.length;
    },

    // --- live coverage

    async postEntry(site: Site, blogId: string, e: { headline: string; text: string; keyEvent: boolean }) {
      const blog = await load(site, blogId);
      if (blog.kind !== 'liveblog') throw new AppError(E.NOT_A_LIVE_BLOG);
      const body = textToBlocks(e.text, await deps.images.refs(site.id, imageIds(e.text)));
      if (!e.headline.trim() || body.length === 0) throw new AppError(E.EMPTY_BODY);
      const id = newId();
      await deps.liveblogs.insertEntry({
        id,
        siteId: site.id,
        articleId: blogId,
        headline: e.headline.trim(),
        body,
        keyEvent: e.keyEvent,
        postedAt: iso(),
      });
      await repo.touch(blogId, iso());
      changed(site, blogId, { kind: 'entry', entryId: id });
      return { id };
    },

    async editEntry(
      site: Site,
      blogId: string,
      entryId: string,
      e: { headline: string; text: string; keyEvent: boolean },
    ) {
      const entry = await deps.liveblogs.findEntry(site.id, entryId);
      if (!entry || entry.articleId !== blogId) throw new AppError(E.ENTRY_NOT_FOUND);
      await deps.liveblogs.updateEntry(entryId, {
        headline: e.headline.trim(),
        body: textToBlocks(e.text, await deps.images.refs(site.id, imageIds(e.text))),
        keyEvent: e.keyEvent,
        at: iso(),
      });
      await repo.touch(blogId, iso());
      changed(site, blogId, { kind: 'entry', entryId });
    },

    async deleteEntry(site: Site, blogId: string, entryId: string) {
      const entry = await deps.liveblogs.findEntry(site.id, entryId);
      if (!entry || entry.articleId !== blogId) throw new AppError(E.ENTRY_NOT_FOUND);
      await deps.liveblogs.deleteEntry(entryId);
      await repo.touch(blogId, iso());
      changed(site, blogId, { kind: 'entry-removed', entryId });
    },

    /** Features a live blog in the site-wide banner (with its topic label), or takes it out. */
    async setBanner(site: Site, editor: User, blogId: string, version: number, on: boolean, topic: string | undefined) {
      const a = await load(site, blogId);
      if (a.kind !== 'liveblog') throw new AppError(E.NOT_A_LIVE_BLOG);
      return write(site, editor, { ...a, inBanner: on, liveTopic: trimOrNull(topic) ?? a.liveTopic }, version);
    },

    async endCoverage(site: Site, editor: User, blogId: string, version: number) {
      const a = await load(site, blogId);
      if (a.kind !== 'liveblog') throw new AppError(E.NOT_A_LIVE_BLOG);
      return write(site, editor, { ...a, liveStatus: 'ended', inBanner: false }, version);
    },

    async reopenCoverage(site: Site, editor: User, blogId: string, version: number) {
      const a = await load(site, blogId);
      if (a.kind !== 'liveblog') throw new AppError(E.NOT_A_LIVE_BLOG);
      return write(site, editor, { ...a, liveStatus: 'live' }, version);
    },
  };
  return usecases;
}

export type NewsroomUsecases = ReturnType<typeof createNewsroomUsecases>;
