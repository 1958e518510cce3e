import type { ArticleSummary } from '../articles/articles.repository.ts';
import type { BannerItem } from '../liveblogs/liveblogs.repository.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { formatTimeLine } from '../time/format.ts';
import { thumbnail } from './pictures.ts';
import { urls } from './urls.ts';

/** "<topic> · <live blog title> LIVE | <latest entry headline>", one line per featured blog. */
export function liveBanner(items: BannerItem[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<div class="live-banner" role="region" aria-label="Live coverage"><div class="wrap">${items.map(
    (b) =>
      html`<a href="${urls.articleBySlugs(b.sectionSlug, b.slug)}" data-live-banner="${b.articleId}"><span class="live-topic">${b.topic}</span> · <span class="live-title">${b.title}</span> <span class="live-badge">LIVE</span>${
        b.latestHeadline ? html` | <span class="live-latest">${b.latestHeadline}</span>` : ''
      }</a>`,
  )}</div></div>`;
}

export function timeLine(site: Site, a: Pick<ArticleSummary, 'publishedAt' | 'updatedAt' | 'dateline'>): SafeHtml {
  const text = formatTimeLine({
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    timeZone: site.timeZone,
    zoneLabel: site.timeZoneLabel,
    dateline: a.dateline,
  });
  return html`<p class="time-line"><time datetime="${a.updatedAt && a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt}">${text}</time></p>`;
}

export function topNewsToday(items: ArticleSummary[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<section class="top-news" aria-labelledby="top-news-heading"><h2 id="top-news-heading">Top News Today</h2><ol>${items.map(
    (a) =>
      html`<li>${a.leadImage ? html`<a href="${urls.article(a)}" tabindex="-1" aria-hidden="true">${thumbnail(a, { size: 'small' })}</a>` : ''}<a href="${urls.article(a)}">${a.shortTitle ?? a.headline}</a>${a.kind === 'liveblog' && a.liveStatus === 'live' ? html` <span class="live-badge">LIVE</span>` : ''}</li>`,
  )}</ol></section>`;
}

export function storyList(
  site: Site,
  items: ArticleSummary[],
  options: { headingLevel?: 2 | 3; className?: string; showSection?: boolean; eagerImages?: number } = {},
): SafeHtml {
  const level = options.headingLevel ?? 3;
  const size = options.className?.includes('lead') ? 'lead' : 'list';
  return html`<ul class="story-list ${options.className ?? ''}">${items.map((a, i) => {
    const link = html`<a href="${urls.article(a)}">${a.headline}</a>`;
    // The thumbnail repeats the headline's link, so it is hidden from the keyboard and screen readers.
    const thumb = a.leadImage
      ? html`<a class="thumb-link" href="${urls.article(a)}" tabindex="-1" aria-hidden="true">${thumbnail(a, { size, eager: i < (options.eagerImages ?? 0) })}</a>`
      : '';
    return html`<li${a.leadImage ? html` class="has-thumb"` : ''}>${thumb}${options.showSection ? html`<a class="section-label" href="${urls.section(a.section.slug)}">${a.section.name}</a>` : ''}${
      level === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`
    }<p>${a.standfirst}</p><p class="meta">${a.kind === 'liveblog' && a.liveStatus === 'live' ? html`<span class="live-badge">LIVE</span> ` : ''}${formatTimeLine(
      { publishedAt: a.publishedAt, updatedAt: a.updatedAt, timeZone: site.timeZone, zoneLabel: site.timeZoneLabel },
    )} · <a href="${urls.article(a)}#comments" data-parley-count="article:${a.id}">Comments</a></p></li>`;
  })}</ul>`;
}

/** Where comments live. The guidelines come first, as readers must see them before writing. */
export function commentsArea(
  site: Site,
  c: {
    storyId: string;
    closedMessage: string | null;
    articlePath: string;
    thread: SafeHtml;
    maxLength: number;
    viewer: { displayName: string; csrf: string } | undefined;
  },
): SafeHtml {
  const [summary] = site.guidelines.split('\n');
  const form = c.closedMessage
    ? html`<p class="comment-actions">${c.closedMessage}</p>`
    : c.viewer
      ? html`<form class="comment-form" method="post" action="/comments/post"><input type="hidden" name="_csrf" value="${c.viewer.csrf}"><input type="hidden" name="storyId" value="${c.storyId}"><input type="hidden" name="return" value="${c.articlePath}">
<label for="comment-body">Your comment, as <a href="/account">${c.viewer.displayName}</a></label><textarea id="comment-body" name="body" required maxlength="${String(c.maxLength)}"></textarea>
<button class="button" type="submit">Post comment</button></form>`
      : html`<p class="comment-actions">To join the conversation, <a href="${urls.login()}?return=${encodeURIComponent(`${c.articlePath}#comments`)}">log in</a>. If you do not have an account, <a href="${urls.register()}">register</a> first: it takes a minute.</p>`;
  return html`<section class="comments" id="comments" aria-labelledby="comments-heading" data-parley-story="${c.storyId}">
<h2 id="comments-heading">Comments</h2>
<div class="guidelines" data-guidelines><p>${summary ?? ''}</p><p><a href="${urls.guidelines()}">Read our community guidelines</a></p></div>
${form}
<div class="comment-thread" data-comment-thread>${c.thread}</div>
</section>`;
}
