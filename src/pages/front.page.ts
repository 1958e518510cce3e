import type { ArticleSummary, Section } from '../articles/articles.repository.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { storyList, topNewsToday } from './components.ts';
import { type Chrome, layout } from './layout.ts';
import { urls } from './urls.ts';

export interface FrontPageData {
  chrome: Chrome;
  lead: ArticleSummary[];
  topNews: ArticleSummary[];
  bySection: { section: Section; articles: ArticleSummary[] }[];
}

export function frontPage(d: FrontPageData): SafeHtml {
  const { site } = d.chrome;
  const main = html`<h1 class="visually-hidden">${site.name}: latest news</h1>
<div class="layout">
<div>
<section aria-label="Lead stories">${storyList(site, d.lead, { headingLevel: 2, className: 'lead', showSection: true, eagerImages: 1 })}</section>
<div class="front-sections">${d.bySection
    .filter((s) => s.articles.length > 0)
    .map(
      (s) =>
        html`<section aria-labelledby="sec-${s.section.slug}"><h2 id="sec-${s.section.slug}"><a href="${urls.section(s.section.slug)}">${s.section.name}</a></h2>${storyList(site, s.articles)}</section>`,
    )}</div>
</div>
<aside aria-label="Top News Today">${topNewsToday(d.topNews)}</aside>
</div>`;
  return layout(
    d.chrome,
    {
      title: `${site.name}: ${site.tagline || 'latest news'}`,
      description: site.tagline || `The latest news from ${site.name}.`,
      path: urls.front(),
      openGraph: { 'og:type': 'website' },
      script: 'counts',
      jsonLd: [
        { '@context': 'https://schema.org', '@type': 'WebSite', name: site.name, url: urls.absolute(site, '/') },
      ],
    },
    main,
  );
}
