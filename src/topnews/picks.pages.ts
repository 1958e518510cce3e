import { backofficeLayout } from '../admin/frame.ts';
import type { ArticleSummary } from '../articles/articles.repository.ts';
import type { Chrome } from '../pages/layout.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { formatPaperTime } from '../time/format.ts';

/** The editors' picks for Top News Today: the current picks first, in order, then the latest stories. */
export function picksPage(
  chrome: Chrome,
  csrf: string,
  picks: ArticleSummary[],
  latest: ArticleSummary[],
  notice?: string,
): SafeHtml {
  const tz = chrome.site.timeZone;
  const picked = new Set(picks.map((a) => a.id));
  const rows = [...picks, ...latest.filter((a) => !picked.has(a.id))];
  return backofficeLayout(
    chrome,
    { title: 'Top News picks', path: '/admin/top-picks' },
    html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}<p>Picked stories lead Top News Today, in this order; readers and comments rank the rest.</p>
<form method="post" action="/admin/top-picks"><input type="hidden" name="_csrf" value="${csrf}">
<fieldset><legend>Picks</legend><ul class="plain-list">${rows.map(
      (a) =>
        html`<li><label><input type="checkbox" name="articleIds" value="${a.id}"${picked.has(a.id) ? html` checked` : ''}> ${a.headline} <small>${a.section.name} · ${formatPaperTime(a.publishedAt, tz)}</small></label></li>`,
    )}</ul></fieldset>
<button class="button" type="submit">Save the picks</button></form>`,
  );
}
