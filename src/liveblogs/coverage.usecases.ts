import type { User } from '../accounts/users.repository.ts';
import { imageIds, textToBlocks } from '../articles/body-text.ts';
import { newsroomErrors as E } from '../articles/newsroom.errors.ts';
import type { ArticleWriter, NewsroomDeps } from '../articles/newsroom.saving.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';

// Live coverage from the newsroom: entries, the site-wide banner, the end of
// coverage. Entries are saved here; the blog itself through the article
// writer, so its revisions and conflicts work as for any article.

/** Live blogs end by themselves after this long without an entry. */
export const LIVE_IDLE_HOURS = 12;

export function createLiveCoverageUsecases(deps: NewsroomDeps, writer: ArticleWriter) {
  const { newsroom: repo, now } = deps;
  const { iso, trimOrNull, load, changed, write } = writer;

  return {
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
}
