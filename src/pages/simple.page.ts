import { html, type SafeHtml } from '../shared/html.ts';
import { type Chrome, layout } from './layout.ts';
import { urls } from './urls.ts';

export function notFoundPage(chrome: Chrome): SafeHtml {
  return layout(
    chrome,
    { title: `Page not found - ${chrome.site.name}`, description: 'This page does not exist.', noindex: true },
    html`<div class="not-found"><h1>We could not find that page</h1>
<p>The story may have moved, or the address may be mistyped. Try the <a href="${urls.front()}">front page</a> or one of the sections above.</p></div>`,
  );
}

export function guidelinesPage(chrome: Chrome): SafeHtml {
  const [summary, ...rules] = chrome.site.guidelines.split('\n').filter((l) => l.trim());
  const numbered = rules.map((r) => r.replace(/^\s*\d+[.)]\s*/, ''));
  return layout(
    chrome,
    { title: `Community guidelines - ${chrome.site.name}`, description: summary ?? '', path: urls.guidelines() },
    html`<div class="article-body"><h1>Community guidelines</h1><p class="standfirst">${summary ?? ''}</p>
${numbered.length ? html`<ol>${numbered.map((r, i) => html`<li id="guideline-${i + 1}">${r}</li>`)}</ol>` : ''}</div>`,
  );
}
