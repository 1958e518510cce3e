import type { ArticleSummary } from '../articles/articles.repository.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { storyList, topNewsToday } from './components.ts';
import { type Chrome, layout } from './layout.ts';

export interface ListingPageData {
  chrome: Chrome;
  heading: string;
  intro: string;
  path: string;
  currentSection?: string;
  articles: ArticleSummary[];
  /** link to the next, older page when there is one */
  olderHref: string | undefined;
  topNews: ArticleSummary[];
  feed?: { title: string; href: string };
  jsonLdType: 'CollectionPage' | 'ProfilePage';
}

/** Section, author and tag pages: a heading and the newest stories, paged by time. */
export function listingPage(d: ListingPageData): SafeHtml {
  const { site } = d.chrome;
  const main = html`<div class="layout"><div>
<h1>${d.heading}</h1>
${d.intro ? html`<p class="standfirst">${d.intro}</p>` : ''}
${d.articles.length ? storyList(site, d.articles, { headingLevel: 2 }) : html`<p>No stories here yet.</p>`}
${d.olderHref ? html`<p class="pager"><a href="${d.olderHref}" rel="next">Older stories</a></p>` : ''}
</div><aside aria-label="Top News Today">${topNewsToday(d.topNews)}</aside></div>`;
  return layout(
    d.chrome,
    {
      title: `${d.heading} - ${site.name}`,
      description: d.intro || `${d.heading}: the latest from ${site.name}.`,
      path: d.path,
      ...(d.currentSection ? { currentSection: d.currentSection } : {}),
      feeds: d.feed ? [d.feed] : undefined,
      script: 'counts',
      jsonLd: [{ '@context': 'https://schema.org', '@type': d.jsonLdType, name: d.heading }],
    },
    main,
  );
}
