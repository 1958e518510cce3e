import type { User } from '../accounts/users.repository.ts';
import type { OutboxMail } from '../mail/outbox.repository.ts';
import type { Chrome } from '../pages/layout.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { formatPaperTime } from '../time/format.ts';
import { backofficeLayout } from './frame.ts';

const roles = ['reader', 'moderator', 'editor', 'admin'] as const;

/** A mail's text with its addresses as links: the outbox stands in for a mailbox, so its links must work. */
function linked(text: string): SafeHtml[] {
  return text
    .split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]])/)
    .map((part, i) => (i % 2 ? html`<a href="${part}">${part}</a>` : html`${part}`));
}

function adminPage(chrome: Chrome, title: string, body: SafeHtml): SafeHtml {
  return backofficeLayout(chrome, { title, path: `/admin/${title.toLowerCase()}` }, body);
}

export function usersPage(
  chrome: Chrome,
  csrf: string,
  list: User[],
  q: { search: string; notice?: string },
): SafeHtml {
  const tz = chrome.site.timeZone;
  const csrfField = html`<input type="hidden" name="_csrf" value="${csrf}">`;
  return adminPage(
    chrome,
    'Users',
    html`${q.notice ? html`<div class="notice" role="status">${q.notice}</div>` : ''}
<form method="get" action="/admin/users" class="field inline"><label for="q">Search by name or e-mail</label><input id="q" name="q" value="${q.search}"><button class="button" type="submit">Search</button></form>
<table class="data-table"><thead><tr><th scope="col">Reader</th><th scope="col">Joined</th><th scope="col">Role</th><th scope="col">Standing</th><th scope="col">Actions</th></tr></thead><tbody>
${list.map(
  (
    u,
  ) => html`<tr data-user-id="${u.id}"><td>${u.displayName}<br><small>${u.email ?? '(no e-mail)'}${u.emailVerified ? '' : u.email ? ' · unconfirmed' : ''}</small></td>
<td>${formatPaperTime(u.createdAt, tz)}</td>
<td><form method="post" action="/admin/users/${u.id}/role">${csrfField}<label class="visually-hidden" for="role-${u.id}">Role of ${u.displayName}</label><select id="role-${u.id}" name="role">${roles.map(
    (r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${r}</option>`,
  )}</select><button class="link-button" type="submit">Save</button></form></td>
<td>${u.status}${u.sanctionUntil ? html` until ${formatPaperTime(u.sanctionUntil, tz)}` : ''}${u.sanctionReason ? html`<br><small>${u.sanctionReason}</small>` : ''}</td>
<td>${
    u.status === 'active'
      ? html`<form method="post" action="/admin/users/${u.id}/suspend">${csrfField}<label class="visually-hidden" for="until-${u.id}">Suspend until</label><input id="until-${u.id}" type="date" name="until" required><label class="visually-hidden" for="sr-${u.id}">Reason</label><input id="sr-${u.id}" name="reason" placeholder="Reason" required><button class="link-button" type="submit">Suspend</button></form>
<form method="post" action="/admin/users/${u.id}/ban">${csrfField}<label class="visually-hidden" for="br-${u.id}">Reason</label><input id="br-${u.id}" name="reason" placeholder="Reason" required><button class="link-button" type="submit">Ban</button></form>`
      : html`<form method="post" action="/admin/users/${u.id}/lift">${csrfField}<button class="link-button" type="submit">Lift the ${u.status === 'banned' ? 'ban' : 'suspension'}</button></form>`
  }</td></tr>`,
)}
</tbody></table>${list.length === 0 ? html`<p>No readers match.</p>` : ''}`,
  );
}

export function outboxPage(chrome: Chrome, mails: OutboxMail[], delivers: boolean): SafeHtml {
  const tz = chrome.site.timeZone;
  return adminPage(
    chrome,
    'Outbox',
    html`<p>${delivers ? 'Mail is delivered over SMTP; this is the record of what was sent.' : 'No SMTP_URL is set: mail stays here instead of being delivered. Set SMTP_URL to send it.'}</p>
<ol class="story-list">${mails.map(
      (m) =>
        html`<li data-mail-id="${m.id}"><strong>${m.subject}</strong><p class="meta">To ${m.to} · ${formatPaperTime(m.createdAt, tz)} · ${m.sentAt ? 'sent' : m.error ? `failed: ${m.error}` : delivers ? 'queued' : 'kept in outbox'}</p><pre class="mail-body">${linked(m.text)}</pre></li>`,
    )}</ol>`,
  );
}
