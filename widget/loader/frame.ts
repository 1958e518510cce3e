// What the loader decides without the page: the frame's address and the
// messages a frame may send it.

/** The element's data-parley-* settings (its dataset). */
export interface EmbedSettings {
  parleyUrl?: string;
  parleyStory?: string;
  parleyTitle?: string;
  parleyLang?: string;
  parleyTheme?: string;
}

/** What the loader reads of the embedding page. */
export interface HostPage {
  href: string;
  search: string;
  hash: string;
  origin: string;
  lang: string;
  title: string;
  prefersDark: boolean;
}

/** A permalink to a comment in the page's address: ?comment=ID, or #comment-ID as Parley's own pages write it. */
export function permalinkIn(searchAndHash: string): string | undefined {
  return /[?&#]comment[=-]([a-z0-9]+)/i.exec(searchAndHash)?.[1];
}

/** The comments frame's address: the story, the page to return to, its language and theme, a permalink. */
export function frameAddress(parley: string, d: EmbedSettings, page: HostPage): string {
  const q = new URLSearchParams({
    url: d.parleyUrl || page.href.split('#')[0]!,
    origin: page.origin,
    lang: d.parleyLang || page.lang || 'en',
    theme: d.parleyTheme || (page.prefersDark ? 'dark' : 'light'),
  });
  if (d.parleyStory) q.set('storyId', d.parleyStory);
  if (d.parleyTitle || page.title) q.set('title', d.parleyTitle || page.title);
  const permalink = permalinkIn(page.search + page.hash);
  if (permalink) q.set('comment', permalink);
  return `${parley}/embed/frame?${q}`;
}

export type FrameMessage = { type: 'height'; height: number } | { type: 'ready' };

/** The frame grows with its content, and says when it is ready for the publisher's sign-on token. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  const m = data as { type?: unknown; height?: unknown } | null | undefined;
  if (m?.type === 'parley:height' && typeof m.height === 'number') return { type: 'height', height: m.height };
  if (m?.type === 'parley:ready') return { type: 'ready' };
  return null;
}
