import { backofficeLayout } from '../admin/frame.ts';
import { RULES } from '../guidelines/policy.ts';
import { moderateCss, moderateJs } from '../pages/assets.ts';
import type { Chrome } from '../pages/layout.ts';
import { html, raw, type SafeHtml } from '../shared/html.ts';
import { plural } from '../shared/plural.ts';
import type { AuditLogTable } from '../storage/schema.ts';
import { formatPaperTime } from '../time/format.ts';
import type { AuthorProfile } from './authors.usecases.ts';
import type { Queue, QueueItem } from './queues.ts';
import { REFUSAL_REASONS } from './reasons.ts';

// The moderators' workspace, server-rendered: every action is a form that
// works without JavaScript; /assets/moderate.js adds the keyboard, live
// updates and undo on top.

const QUEUE_LABELS: Record<Queue, string> = {
  pending: 'Pending',
  reported: 'Reported',
  unmoderated: 'Unmoderated',
  approved: 'Approved',
  refused: 'Refused',
  appeals: 'Appeals',
};
/** The refusal reason a failed check suggests: what "r" refuses with unless the moderator picks another. */
const SUGGESTED: Record<string, string> = {
  english: 'english',
  sentences: 'sentences',
  abusive: 'abusive',
  personal: 'personal',
  banned: 'abusive',
  suspect: 'abusive',
  spam: 'spam',
};

/** One vocabulary: a comment a moderator or the guidelines turned down is "refused". */
const statusWord = (status: string) => (status === 'rejected' ? 'refused' : status);

const pagePaths: Record<string, string> = {
  'Audit log': '/admin/moderate/audit',
  'Moderation dashboard': '/admin/moderate/dashboard',
};

/** A workspace page in the back office's frame; the navigation follows the viewer's role. */
function page(chrome: Chrome, title: string, body: SafeHtml, _admin?: boolean): SafeHtml {
  return backofficeLayout(
    chrome,
    { title, path: pagePaths[title] ?? '/admin/moderate', styles: [moderateCss.path] },
    body,
  );
}

interface StoredDecision {
  decision?: string;
  sentAnyway?: boolean;
  checks?: Record<
    string,
    {
      verdict: string;
      score: number;
      reason?: string;
      language?: string;
      matches?: string[];
      signals?: string[];
      evidence?: string[];
    }
  >;
  reasons?: { rule: string; message: string }[];
  policyVersion?: string;
  imported?: string;
  /** the words the checks marked, as the author typed them */
  highlights?: { rule: string; type?: string; text: string }[];
}

function markedWords(d: StoredDecision): SafeHtml | string {
  if (!d.highlights?.length) return '';
  return html`<p class="mod-marks">Marked by the guidelines: ${d.highlights.map(
    (h, i) => html`${i ? ', ' : ''}<mark>${h.text}</mark> (${h.type ? `${h.type}, ` : ''}${h.rule})`,
  )}</p>`;
}

function parse(json: string): StoredDecision {
  try {
    return JSON.parse(json) as StoredDecision;
  } catch {
    return {};
  }
}

function checksTable(d: StoredDecision): SafeHtml {
  const entries = Object.entries(d.checks ?? {});
  if (d.imported) return html`<p class="mod-meta">Imported from ${d.imported}: no checks ran.</p>`;
  if (entries.length === 0) return html`<p class="mod-meta">No checks recorded.</p>`;
  return html`<table class="mod-checks"><caption class="visually-hidden">Checks and their scores</caption><thead><tr><th scope="col">Check</th><th scope="col">Score</th><th scope="col">Result</th></tr></thead><tbody>${entries.map(
    ([name, c]) => {
      const extra = [...(c.matches ?? []), ...(c.evidence ?? []), ...(c.signals ?? [])].join(', ');
      return html`<tr><th scope="row">${name}</th><td><span class="score-bar${c.verdict === 'fail' ? ' fail' : ''}" style="width:${String(Math.round(c.score * 80))}px" aria-hidden="true"></span> ${c.score.toFixed(2)}</td><td class="${c.verdict === 'fail' ? 'fail' : ''}">${c.verdict === 'fail' ? (c.reason ?? 'fail') : 'pass'}${extra ? html` (${extra})` : ''}</td></tr>`;
    },
  )}</tbody></table>${d.policyVersion ? html`<p class="mod-meta">Policy ${d.policyVersion}${d.sentAnyway ? ' · the author sent it anyway after the nudge' : ''}</p>` : ''}`;
}

export function itemView(c: QueueItem, csrf: string, tz: string, returnTo: string): SafeHtml {
  const d = parse(c.moderation);
  const failed = Object.entries(d.checks ?? {})
    .filter(([, r]) => r.verdict === 'fail')
    .map(([n]) => n);
  const suggested = failed.map((f) => SUGGESTED[f]).find(Boolean) ?? 'other';
  const csrfField = html`<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="version" value="${String(c.version)}"><input type="hidden" name="return" value="${returnTo}">`;
  return html`<li class="mod-item" tabindex="-1" id="item-${c.id}" data-id="${c.id}" data-version="${String(c.version)}" data-author="${c.authorId ?? ''}" data-author-name="${c.authorName}">
<p class="mod-meta"><input type="checkbox" class="mod-select" value="${c.id}" aria-label="Select the comment by ${c.authorName}"> ${c.authorId ? html`<a href="/admin/moderate/authors/${c.authorId}">${c.authorName}</a>` : c.authorName} on <a href="${c.storyUrl}?comment=${c.id}#comment-${c.id}">${c.storyTitle}</a> · ${formatPaperTime(c.createdAt, tz)} · <strong>${statusWord(c.status)}</strong>${c.featured ? ' · featured' : ''}${c.moderatedBy ? html` · decided by ${c.moderatedBy}` : ''} · <a href="/admin/moderate/comments/${c.id}">single view</a></p>
<p class="mod-meta">Author's record: ${
    Object.entries(c.authorRecord)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ') || 'first comment'
  }</p>
${c.parentExcerpt ? html`<blockquote class="mod-parent"><span class="visually-hidden">In reply to: </span>↪ ${c.parentExcerpt}</blockquote>` : ''}
<div class="comment-body">${raw(c.bodyHtml)}</div>
${markedWords(d)}
${c.statusReason ? html`<p class="mod-meta">Reason given: ${c.statusReason}</p>` : ''}
${c.appeal ? html`<p class="mod-meta"><strong>Appeal:</strong> ${c.appeal}</p>` : ''}
${c.reports.length ? html`<p class="mod-reports"><strong>Reports:</strong> ${c.reports.map((r) => html`${r.reason} ×${String(r.count)} (weight ${r.weight.toFixed(2)}) `)}</p>` : ''}
<details${failed.length ? html` open` : ''}><summary>Checks${failed.length ? html`: ${failed.join(', ')} failed` : ': all passed'}</summary>${checksTable(d)}</details>
<form class="mod-actions" method="post" action="/admin/moderate/comments/${c.id}/decide">${csrfField}
<button type="submit" name="action" value="approve">Approve <kbd aria-hidden="true">a</kbd></button>
<button type="submit" name="action" value="approve_trust">Approve and trust author</button>
<button type="submit" name="action" value="${c.featured ? 'unfeature' : 'feature'}">${c.featured ? 'Unfeature' : 'Feature'} <kbd aria-hidden="true">f</kbd></button>
<label for="reason-${c.id}">Reason</label><select id="reason-${c.id}" name="reason" class="mod-reason">${REFUSAL_REASONS.map((r) => html`<option value="${r.code}"${r.code === suggested ? html` selected` : ''}>${r.label}</option>`)}</select>
<label for="note-${c.id}">Note to the author</label><input id="note-${c.id}" name="note" maxlength="500">
<button type="submit" name="action" value="refuse">Refuse <kbd aria-hidden="true">r</kbd></button>
</form></li>`;
}

export function queuePage(
  chrome: Chrome,
  csrf: string,
  admin: boolean,
  q: {
    me: string;
    sections: { id: string; name: string }[];
    queue: Queue;
    counts: Record<Queue, number>;
    items: QueueItem[];
    filters: Record<string, string>;
    notice?: string | undefined;
    next: string | null;
  },
): SafeHtml {
  const tz = chrome.site.timeZone;
  const here = `/admin/moderate?${new URLSearchParams({ queue: q.queue, ...q.filters }).toString()}`;
  return page(
    chrome,
    `Moderation: ${QUEUE_LABELS[q.queue]}`,
    html`<ul class="mod-tabs">${Object.entries(QUEUE_LABELS).map(([k, label]) => html`<li><a href="/admin/moderate?queue=${k}"${k === q.queue ? html` aria-current="page"` : ''}>${label} (${q.counts[k as Queue] >= 1000 ? '1000+' : String(q.counts[k as Queue])})</a></li>`)}</ul>
${q.notice ? html`<div class="notice" role="status">${q.notice}</div>` : ''}
<form class="mod-filters" method="get" action="/admin/moderate"><input type="hidden" name="queue" value="${q.queue}">
<div><label for="f-check">Check that fired</label><select id="f-check" name="check"><option value="">any</option>${RULES.map((c) => html`<option${q.filters.check === c ? html` selected` : ''}>${c}</option>`)}</select></div>
<div><label for="f-score">Score at least</label><input id="f-score" name="minScore" type="number" min="0" max="1" step="0.05" value="${q.filters.minScore ?? ''}" size="5"></div>
<div><label for="f-section">Section</label><select id="f-section" name="section"><option value="">any</option>${q.sections.map((s) => html`<option value="${s.id}"${q.filters.section === s.id ? html` selected` : ''}>${s.name}</option>`)}</select></div>
<div><label for="f-q">Text</label><input id="f-q" name="q" value="${q.filters.q ?? ''}"></div>
<div><label for="f-author">Author</label><input id="f-author" name="author" value="${q.filters.author ?? ''}"></div>
<div><label for="f-story">Story id</label><input id="f-story" name="story" value="${q.filters.story ?? ''}" size="12"></div>
<button class="button" type="submit">Filter</button></form>
<p class="mod-keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> refuse, <kbd>f</kbd> feature, <kbd>b</kbd> ban the author, <kbd>u</kbd> undo, <kbd>?</kbd> all keys.</p>
<p class="mod-live" id="mod-live" role="status" aria-live="polite"></p>
<div class="mod-actions" id="mod-bulk"><button type="button" data-bulk="approve">Approve selected</button> <button type="button" data-bulk="refuse">Refuse selected (reason: each one's own)</button></div>
${q.items.length === 0 ? html`<p>Nothing here. New items appear as they arrive.</p>` : ''}
<ol class="mod-list" id="mod-list" data-queue="${q.queue}" data-csrf="${csrf}" data-me="${q.me}">${q.items.map((c) => itemView(c, csrf, tz, here))}</ol>
${q.next ? html`<p class="pager"><a href="${q.next}" rel="next">More</a></p>` : ''}
<dialog class="mod-dialog" id="mod-help" aria-labelledby="mod-help-title"><h2 id="mod-help-title">Keyboard</h2><dl>
<dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous comment</dd><dt><kbd>a</kbd></dt><dd>approve</dd><dt><kbd>r</kbd></dt><dd>refuse, with the reason chosen in its list (suggested from the check that fired)</dd>
<dt><kbd>f</kbd></dt><dd>feature</dd><dt><kbd>b</kbd></dt><dd>ban the author (asks for the reason)</dd><dt><kbd>u</kbd></dt><dd>undo the last decision</dd><dt><kbd>x</kbd></dt><dd>select for a bulk action</dd><dt><kbd>?</kbd></dt><dd>this list</dd></dl>
<form method="dialog"><button>Close</button></form></dialog>
<dialog class="mod-dialog" id="mod-ban" aria-labelledby="mod-ban-title"><form method="dialog" id="mod-ban-form"><h2 id="mod-ban-title">Ban the author</h2><p id="mod-ban-who"></p>
<label for="mod-ban-reason">Reason (the reader is told)</label><input id="mod-ban-reason" name="reason" required maxlength="500">
<p><button value="ban">Ban and refuse their pending comments</button> <button value="cancel" formnovalidate>Cancel</button></p></form></dialog>
<script type="module" src="${moderateJs.path}"></script>`,
    admin,
  );
}

export function singlePage(
  chrome: Chrome,
  csrf: string,
  admin: boolean,
  c: QueueItem,
  history: AuditLogTable[],
): SafeHtml {
  const tz = chrome.site.timeZone;
  return page(
    chrome,
    'A comment',
    html`<ol class="mod-list" id="mod-list" data-csrf="${csrf}">${itemView(c, csrf, tz, `/admin/moderate/comments/${c.id}`)}</ol>
<h2>History</h2>${history.length === 0 ? html`<p>No moderator has acted on it yet.</p>` : html`<ul>${history.map((h) => html`<li>${formatPaperTime(h.created_at, tz)}: ${h.actor_name} — ${h.action}${h.undone_by ? ' (undone)' : ''}</li>`)}</ul>`}
<script type="module" src="${moderateJs.path}"></script>`,
    admin,
  );
}

export function authorPage(chrome: Chrome, csrf: string, admin: boolean, a: AuthorProfile, notice?: string): SafeHtml {
  const tz = chrome.site.timeZone;
  const u = a.user;
  const csrfField = html`<input type="hidden" name="_csrf" value="${csrf}">`;
  return page(
    chrome,
    `Reader: ${u.displayName}`,
    html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}
<p>${u.email ?? '(no e-mail)'} · joined ${formatPaperTime(u.createdAt, tz)} (${plural(u.accountAgeDays, 'day')}) · ${u.role} · <strong>${u.status}</strong>${u.sanctionUntil ? html` until ${formatPaperTime(u.sanctionUntil, tz)}` : ''}${u.trusted ? ' · trusted' : ''}${u.warning ? html` · warned: ${u.warning}` : ''}</p>
<p>Comments: ${
      Object.entries(a.counts)
        .map(([s, n]) => `${statusWord(s)} ${n}`)
        .join(', ') || 'none'
    } · reports against them: ${String(a.reportsAgainst)}</p>
${a.linked.length ? html`<p>Linked accounts: ${a.linked.map((l) => html`<a href="/admin/moderate/authors/${l.id}">${l.displayName}</a> (${l.via}) `)}</p>` : ''}
<h2>Sanction</h2>
<form method="post" action="/admin/moderate/authors/${u.id}/sanction" class="mod-filters">${csrfField}
<div><label for="s-kind">Sanction</label><select id="s-kind" name="kind"><option value="warn">Warn (must acknowledge)</option><option value="suspend">Suspend until</option><option value="ban">Ban from this site</option><option value="lift">Lift everything</option></select></div>
<div><label for="s-until">Until (for a suspension)</label><input id="s-until" type="date" name="until"></div>
<div><label for="s-reason">Reason (the reader is told)</label><input id="s-reason" name="reason" maxlength="500"></div>
<button class="button" type="submit">Apply</button></form>
<h2>Past sanctions</h2>${a.sanctions.length ? html`<ul>${a.sanctions.map((s) => html`<li>${formatPaperTime(s.at, tz)}: ${s.action} by ${s.by}${s.after?.reason ? html` — ${String(s.after.reason)}` : ''}</li>`)}</ul>` : html`<p>None.</p>`}
<h2>Moderator notes</h2>
<form method="post" action="/admin/moderate/authors/${u.id}/notes">${csrfField}<label for="n-note">Add a note (moderators only)</label><textarea id="n-note" name="note" rows="2" maxlength="2000" required></textarea><button class="button" type="submit">Save note</button></form>
${a.notes.length ? html`<ul>${a.notes.map((n) => html`<li>${formatPaperTime(n.at, tz)}, ${n.by}: ${n.note}</li>`)}</ul>` : html`<p>No notes.</p>`}
<h2>Comments</h2><table class="data-table"><thead><tr><th scope="col">When</th><th scope="col">Story</th><th scope="col">Comment</th><th scope="col">Status</th><th scope="col">Reports</th></tr></thead><tbody>
${a.comments.map((c) => html`<tr><td>${formatPaperTime(c.createdAt, tz)}</td><td>${c.story}</td><td><a href="/admin/moderate/comments/${c.id}">${c.excerpt}</a></td><td>${statusWord(c.status)}${c.statusReason ? html`<br><small>${c.statusReason}</small>` : ''}</td><td>${String(c.reports)}</td></tr>`)}
</tbody></table>`,
    admin,
  );
}

export function auditPage(chrome: Chrome, entries: AuditLogTable[], next: string | null): SafeHtml {
  const tz = chrome.site.timeZone;
  return page(
    chrome,
    'Audit log',
    html`<table class="data-table"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>
${entries.map((e) => html`<tr><td>${formatPaperTime(e.created_at, tz)}</td><td>${e.actor_name}</td><td>${e.action}${e.undone_by ? ' (undone)' : ''}</td><td>${e.target_type === 'comment' ? html`<a href="/admin/moderate/comments/${e.target_id}">comment</a>` : e.target_type === 'user' ? html`<a href="/admin/moderate/authors/${e.target_id}">reader</a>` : e.target_type}</td><td><code>${e.before ?? ''}</code></td><td><code>${e.after ?? ''}</code></td></tr>`)}
</tbody></table>${next ? html`<p class="pager"><a href="${next}" rel="next">Older</a></p>` : ''}`,
    true,
  );
}

export { page as moderationPage };
