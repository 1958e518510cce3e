import type { ServerResponse } from 'node:http';
import type { Bus } from '../events/bus.ts';
import { liveEntryHtml } from '../pages/article.page.ts';
import { liveBanner } from '../pages/components.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { LiveblogsRepository } from './liveblogs.repository.ts';

// Live coverage to every open page: one server-sent-events stream per page,
// the site-wide banner to all, a live blog's entries to its readers. Each
// change is rendered once and the same bytes written to every stream, so a
// thousand readers cost a thousand writes, not a thousand renderings.

interface Stream {
  res: ServerResponse;
  blogId: string | null;
}

export function createLiveHub(deps: {
  bus: Bus;
  liveblogs: LiveblogsRepository;
  site: (id: string) => Promise<Site | undefined>;
  entry: (articleId: string, entryId: string) => Promise<import('./liveblogs.repository.ts').LiveEntry | undefined>;
}) {
  const streams = new Map<string, Set<Stream>>();

  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type !== 'live.changed') return;
    const open = streams.get(event.siteId);
    if (!open || open.size === 0) return;
    void (async () => {
      const site = await deps.site(event.siteId);
      if (!site) return;
      // The banner shows the newest entry's headline: any change may move it.
      const banner = `event: banner\ndata: ${JSON.stringify({ html: liveBanner(await deps.liveblogs.bannerItems(site.id)).toString() })}\n\n`;
      let entry: string | undefined;
      if (event.change === 'entry' && event.entryId) {
        const e = await deps.entry(event.articleId, event.entryId);
        if (e)
          entry = `event: entry\ndata: ${JSON.stringify({ id: e.id, html: liveEntryHtml(site, e).toString() })}\n\n`;
      } else if (event.change === 'entry-removed' && event.entryId)
        entry = `event: entry-removed\ndata: ${JSON.stringify({ id: event.entryId })}\n\n`;
      for (const s of open) {
        s.res.write(banner);
        if (entry && s.blogId === event.articleId) s.res.write(entry);
      }
    })().catch(() => {});
  });

  return {
    /** Keeps a response open as a stream until the reader leaves. */
    open(siteId: string, blogId: string | null, res: ServerResponse): () => void {
      const s: Stream = { res, blogId };
      const set = streams.get(siteId) ?? new Set<Stream>();
      streams.set(siteId, set);
      set.add(s);
      return () => set.delete(s);
    },
    count: () => [...streams.values()].reduce((a, s) => a + s.size, 0),
    close: unsubscribe,
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
