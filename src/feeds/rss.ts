import type { ArticleSummary } from '../articles/articles.repository.ts';
import { urls } from '../pages/urls.ts';
import { escapeHtml as x } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';

export interface FeedInput {
  site: Site;
  title: string;
  description: string;
  /** site-relative path of the page the feed belongs to, and of the feed itself */
  pagePath: string;
  feedPath: string;
  items: ArticleSummary[];
  authorNames: Map<string, string[]>;
  /** the WebSub hub subscribers may use, if the site pings one */
  hub?: string | undefined;
}

/** RSS 2.0, the format every reader and aggregator accepts. */
export function rssFeed(f: FeedInput): string {
  // biome-ignore lint/complexity/useMathMinMax: ISO times, compared as strings
  const lastBuild = f.items.reduce((max, a) => (a.modifiedAt > max ? a.modifiedAt : max), f.site.createdAt);
  const items = f.items
    .map((a) => {
      const link = urls.absolute(f.site, urls.article(a));
      const creators = (f.authorNames.get(a.id) ?? []).map((n) => `<dc:creator>${x(n)}</dc:creator>`).join('');
      return `<item><title>${x(a.headline)}</title><link>${x(link)}</link><guid isPermaLink="true">${x(link)}</guid><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate><description>${x(a.standfirst)}</description><category>${x(a.section.name)}</category>${creators}</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${x(f.title)}</title>
<link>${x(urls.absolute(f.site, f.pagePath))}</link>
<description>${x(f.description)}</description>
<language>${x(f.site.language)}</language>
<lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>
<atom:link href="${x(urls.absolute(f.site, f.feedPath))}" rel="self" type="application/rss+xml"/>${f.hub ? `\n<atom:link href="${x(f.hub)}" rel="hub"/>` : ''}
${items}
</channel>
</rss>
`;
}
