import type { Article, ArticleSummary } from '../articles/articles.repository.ts';
import { renderBody } from '../articles/body.ts';
import type { ThreadPage } from '../comments/comment-view.ts';
import { commentsJsonLd, renderThread } from '../comments/comments.view.ts';
import type { LiveEntry } from '../liveblogs/liveblogs.repository.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { formatPaperTime, zoneAbbreviation } from '../time/format.ts';
import { commentsArea, timeLine, topNewsToday } from './components.ts';
import { type Chrome, layout, type PageViewer } from './layout.ts';
import { leadFigure, openGraphImage } from './pictures.ts';
import { liveBlogJsonLd, newsArticleJsonLd } from './structured-data.ts';
import { urls } from './urls.ts';

export interface ArticlePageData {
  chrome: Chrome;
  article: Article;
  topNews: ArticleSummary[];
  comments: {
    page: ThreadPage;
    sort: string;
    reactionLabel: string;
    maxLength: number;
    viewer: PageViewer | undefined;
  };
  /** present for live blogs, newest first */
  entries?: LiveEntry[];
}

function byline(a: Article): SafeHtml {
  if (a.authors.length === 0) return html``;
  return html`<p class="byline">By ${a.authors.map((x, i) => html`${i > 0 ? (i === a.authors.length - 1 ? ' and ' : ', ') : ''}<a href="${urls.author(x.slug)}" rel="author">${x.name}</a>`)}</p>`;
}

/** One live entry, as the page shows it and as open pages receive it. */
export function liveEntryHtml(site: Site, e: LiveEntry): SafeHtml {
  const stamp = `${formatPaperTime(e.postedAt, site.timeZone)} ${site.timeZoneLabel || zoneAbbreviation(e.postedAt, site.timeZone)}`;
  return html`<li class="live-entry${e.keyEvent ? ' key-event' : ''}" id="entry-${e.id}"><time datetime="${e.postedAt}">${stamp}</time>${e.keyEvent ? html` <strong>Key event</strong>` : ''}<h2>${e.headline}</h2>${renderBody(e.body)}</li>`;
}

function liveEntries(d: ArticlePageData): SafeHtml {
  const { site } = d.chrome;
  const entries = d.entries ?? [];
  const keyEvents = entries.filter((e) => e.keyEvent);
  return html`${
    keyEvents.length
      ? html`<nav class="key-events" aria-labelledby="key-events-heading"><h2 id="key-events-heading">Key events</h2><ul>${keyEvents.map(
          (e) => html`<li><a href="#entry-${e.id}">${e.headline}</a></li>`,
        )}</ul></nav>`
      : ''
  }<div class="live-new" hidden><button type="button" class="button">New updates</button></div><ol class="live-entries" reversed aria-label="Live updates, newest first" data-blog="${d.article.id}"${d.article.liveStatus === 'live' ? html` data-live="1"` : ''}>${entries.map((e) => liveEntryHtml(site, e))}</ol>`;
}

export function articlePage(d: ArticlePageData): SafeHtml {
  const { site } = d.chrome;
  const a = d.article;
  const isLive = a.kind === 'liveblog';
  const main = html`<div class="layout">
<article class="article" data-article-id="${a.id}">
<header class="article-header">
<a class="section-label" href="${urls.section(a.section.slug)}">${a.section.name}</a>${isLive && a.liveStatus === 'live' ? html` <span class="live-badge">LIVE</span>` : ''}
<h1>${a.headline}</h1>
<p class="standfirst">${a.standfirst}</p>
${timeLine(site, a)}
${byline(a)}
</header>
${leadFigure(a.leadImage)}
<div class="article-body">${renderBody(a.body)}</div>
${a.correction && a.correctedAt ? html`<aside class="correction notice" aria-label="Correction"><p><strong>Correction</strong> (${formatPaperTime(a.correctedAt, site.timeZone)}): ${a.correction}</p></aside>` : ''}
${isLive ? liveEntries(d) : ''}
${a.tags.length ? html`<ul class="tags" aria-label="Tags">${a.tags.map((t) => html`<li><a href="${urls.tag(t.slug)}">${t.name}</a></li>`)}</ul>` : ''}
${commentsArea(site, { storyId: d.comments.page.story.id, closedMessage: d.comments.page.story.closed ? d.comments.page.story.closedMessage : null, articlePath: urls.article(a), thread: renderThread(site, d.comments.page, urls.article(a), d.comments.reactionLabel, d.comments.sort), maxLength: d.comments.maxLength, viewer: d.comments.viewer })}
</article>
<aside aria-label="Top News Today">${topNewsToday(d.topNews)}</aside>
</div>`;
  return layout(
    d.chrome,
    {
      title: `${a.seoTitle ?? a.headline} - ${site.name}`,
      description: a.seoDescription ?? a.standfirst,
      path: urls.article(a),
      currentSection: a.section.slug,
      script: 'app',
      openGraph: {
        'og:type': 'article',
        ...openGraphImage(site, a.leadImage),
        'article:published_time': a.publishedAt,
        'article:modified_time': a.modifiedAt,
        'article:section': a.section.name,
        'article:tag': a.tags.map((t) => t.name),
      },
      jsonLd: [
        {
          ...(isLive ? liveBlogJsonLd(site, a, d.entries ?? []) : newsArticleJsonLd(site, a)),
          commentCount: d.comments.page.story.commentCount,
          comment: commentsJsonLd(d.comments.page, urls.absolute(site, urls.article(a))),
        },
      ],
      feeds: [
        { title: `${site.name}: ${a.section.name}`, href: urls.sectionFeed(a.section.slug) },
        { title: site.name, href: urls.siteFeed() },
      ],
    },
    main,
  );
}
