// Where the app runs and for which story, read from the address: the frame's
// query (set by the loader), or Parley's own article page.
import type { Options } from './types.ts';

export interface FrameSetup {
  options: Options;
  /** the embedding page's address, for permalinks */
  pageUrl: string;
  lang: string;
  dark: boolean;
}

/** The iframe's query: url, storyId, title, comment, origin, lang, theme (loader.ts writes them). */
export function frameSetup(search: string): FrameSetup {
  const q = new URLSearchParams(search);
  const given = (name: string) => q.get(name) || undefined;
  const externalId = given('storyId');
  const title = given('title');
  const permalink = given('comment');
  const parentOrigin = given('origin');
  return {
    options: {
      frame: true,
      ...(externalId ? { externalId } : {}),
      url: q.get('url') ?? '',
      ...(title ? { title } : {}),
      ...(permalink ? { permalink } : {}),
      ...(parentOrigin ? { parentOrigin } : {}),
    },
    pageUrl: q.get('url') ?? '',
    lang: given('lang') ?? 'en',
    dark: q.get('theme') === 'dark',
  };
}

/** Parley's own article page: the story is on the comments section, a permalink in `?comment=`. */
export function pageOptions(storyId: string, search: string): Options {
  const permalink = new URLSearchParams(search).get('comment') ?? undefined;
  return { frame: false, storyId, ...(permalink ? { permalink } : {}) };
}
