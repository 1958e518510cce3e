import { backofficeLayout } from '../admin/frame.ts';
import type { Chrome } from '../pages/layout.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { formatPaperTime } from '../time/format.ts';
import type { PolicyView } from './guidelines.usecases.ts';

/** The site's moderation policy as it stands, for admins: its version and its settings. */
export function policyPage(chrome: Chrome, view: PolicyView): SafeHtml {
  return backofficeLayout(
    chrome,
    { title: 'Moderation policy', path: '/admin/moderate/policy' },
    html`<p>Version ${String(view.version)} (${view.name})${view.createdAt ? html`, saved ${formatPaperTime(view.createdAt, chrome.site.timeZone)}` : ' (the defaults)'}. Changes are saved through <code>PUT /api/admin/moderation/policy</code> and can be tried on past comments first with <code>POST /api/admin/moderation/policy/replay</code> (see <a href="/api/openapi.json">the API description</a>).</p>
<pre class="mail-body">${JSON.stringify(view.policy, null, 2)}</pre>`,
  );
}
