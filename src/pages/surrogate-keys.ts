import type { ParleyEvent } from '../events/bus.ts';

// The names a CDN knows a cached page by (Fastly's Surrogate-Key, Cloudflare's
// Cache-Tag): every page carries its site's key and the site's "lists" key
// (every page shows a list of articles: the front, a section, or Top News
// beside an article); an article page its article, section and story. An
// event names the keys it makes stale: a comment only its story's page.

export const surrogateKey = {
  site: (siteId: string) => `site-${siteId}`,
  lists: (siteId: string) => `lists-${siteId}`,
  section: (sectionId: string) => `section-${sectionId}`,
  article: (articleId: string) => `article-${articleId}`,
  story: (storyId: string) => `story-${storyId}`,
  articlePage: (articleId: string, sectionId: string, storyId: string) => [
    `article-${articleId}`,
    `section-${sectionId}`,
    `story-${storyId}`,
  ],
};

/** The keys an event makes stale, or none when it changes no page. */
export function staleKeys(event: ParleyEvent): string[] {
  switch (event.type) {
    case 'content.changed':
      // An article changed: its page and every list that may show it; anything else: the whole site.
      return event.articleId
        ? [surrogateKey.article(event.articleId), surrogateKey.lists(event.siteId)]
        : [surrogateKey.site(event.siteId)];
    case 'comment.changed':
      return [surrogateKey.story(event.storyId)];
    default:
      return [];
  }
}
