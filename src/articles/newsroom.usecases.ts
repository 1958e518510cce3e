import type { User } from '../accounts/users.repository.ts';
import { createLiveCoverageUsecases } from '../liveblogs/coverage.usecases.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { newsroomErrors as E } from './newsroom.errors.ts';
import type { EditableArticle } from './newsroom.repository.ts';
import { type ArticleInput, createArticleWriter, type NewsroomDeps } from './newsroom.saving.ts';
import { workflowState } from './workflow.ts';

export { LIVE_IDLE_HOURS } from '../liveblogs/coverage.usecases.ts';
export type { ArticleInput } from './newsroom.saving.ts';

// Writing and publishing: drafts, scheduling, publication, the editor's
// deliberate "update" (a visible Updated time), corrections, revisions and
// restore. Live coverage (liveblogs/coverage.usecases.ts) joins them here, so
// the newsroom is one set of use cases to its routes and jobs.

export function createNewsroomUsecases(deps: NewsroomDeps) {
  const { newsroom: repo } = deps;
  const writer = createArticleWriter(deps);
  const { iso, load, write, fields } = writer;

  const usecases = {
    get: load,
    list: (site: Site, q: { text?: string | undefined; limit: number; kind?: 'article' | 'liveblog' }) =>
      repo.list(site.id, q),
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

    /** Uploads an image and makes it the lead image, or adds it at the end of the body (the editor moves its line). */
    async addImage(
      site: Site,
      editor: User,
      id: string,
      version: number,
      file: Buffer,
      meta: { alt: string; caption?: string | undefined; credit?: string | undefined; lead?: boolean },
    ): Promise<EditableArticle> {
      const a = await load(site, id);
      const image = await deps.images.upload(site.id, file);
      if (meta.lead) {
        const words = { alt: meta.alt.trim(), caption: meta.caption?.trim() ?? '', credit: meta.credit?.trim() ?? '' };
        return write(site, editor, { ...a, leadImage: { imageId: image.id, ...words } }, version);
      }
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
          leadImage: s.leadImage ?? null,
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

    ...createLiveCoverageUsecases(deps, writer),
  };
  return usecases;
}

export type NewsroomUsecases = ReturnType<typeof createNewsroomUsecases>;
