import { type Chrome, layout } from '../pages/layout.ts';
import { html, raw, type SafeHtml } from '../shared/html.ts';
import { plural } from '../shared/plural.ts';
import { formatPaperTime } from '../time/format.ts';
import { csrfField, field, type Notice, notices } from './account.pages.ts';
import { PASSWORD_MIN } from './passwords.ts';
import type { Session } from './sessions.repository.ts';
import type { Identity, User } from './users.repository.ts';

// The reader's own pages: the profile with its settings, and their comments.

export interface ProfileData {
  user: User;
  csrf: string;
  sessions: Session[];
  currentSession: string;
  identities: Identity[];
  notices: Notice[];
  deletionAt: string | null;
  emailMode: string;
}

function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua
            ? 'Browser'
            : 'Unknown device';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function profilePage(chrome: Chrome, d: ProfileData): SafeHtml {
  const { user, csrf } = d;
  const tz = chrome.site.timeZone;
  const when = (iso: string) => formatPaperTime(iso, tz);
  return layout(
    chrome,
    { title: `Your account - ${chrome.site.name}`, description: 'Your account', noindex: true },
    html`<div class="form-page settings"><h1>Your account</h1>${notices(d.notices)}
${user.warning ? html`<form method="post" action="/account/warning/acknowledge" class="notice warning"><input type="hidden" name="_csrf" value="${csrf}"><p><strong>A moderator has warned you:</strong> ${user.warning}</p><button class="button" type="submit">I have read the warning</button></form>` : ''}
<section aria-labelledby="h-profile"><h2 id="h-profile">Profile</h2>
<p>${user.displayName}${user.badges.length ? html` · ${user.badges.join(', ')}` : ''} · ${user.role}</p>
<p>${user.email ?? 'No e-mail address'}${user.email ? (user.emailVerified ? ' (confirmed)' : ' (not confirmed yet)') : ''}</p>
${
  user.email && !user.emailVerified
    ? html`<form method="post" action="/account/verify/resend">${csrfField(csrf)}<button class="button secondary" type="submit">Send the confirmation link again</button></form>`
    : ''
}
<form method="post" action="/account/name">${csrfField(csrf)}${field('displayName', 'Display name', 'text', { value: user.displayName, autocomplete: 'nickname', hint: 'You can change it once a day.' })}<button class="button" type="submit">Save the name</button></form>
</section>
<section aria-labelledby="h-email"><h2 id="h-email">E-mail address</h2>
<form method="post" action="/account/email">${csrfField(csrf)}${field('email', 'New e-mail address', 'email', { autocomplete: 'email' })}${
      user.passwordHash ? field('password', 'Your password', 'password', { autocomplete: 'current-password' }) : ''
    }<button class="button" type="submit">Change the address</button></form>
</section>
<section aria-labelledby="h-password"><h2 id="h-password">Password</h2>
<form method="post" action="/account/password">${csrfField(csrf)}${
      user.passwordHash
        ? field('current', 'Current password', 'password', { autocomplete: 'current-password' })
        : html`<p>You sign in through another account; you may add a password too.</p>`
    }${field('password', 'New password', 'password', { autocomplete: 'new-password', min: PASSWORD_MIN })}<button class="button" type="submit">Change the password</button></form>
</section>
<section aria-labelledby="h-sessions"><h2 id="h-sessions">Where you are logged in</h2>
<table class="data-table"><thead><tr><th scope="col">Device</th><th scope="col">Last seen</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>${d.sessions.map(
      (s) =>
        html`<tr><td>${describeAgent(s.userAgent)}${s.ip ? html` · ${s.ip}` : ''}</td><td>${when(s.lastSeenAt)}</td><td>${
          s.idHash === d.currentSession
            ? 'This device'
            : html`<form method="post" action="/account/sessions/${s.publicId}/revoke">${csrfField(csrf)}<button class="link-button" type="submit">Log out</button></form>`
        }</td></tr>`,
    )}</tbody></table>
<form method="post" action="/account/sessions/revoke-all">${csrfField(csrf)}<button class="button secondary" type="submit">Log out everywhere else</button></form>
</section>
${
  d.identities.length
    ? html`<section aria-labelledby="h-links"><h2 id="h-links">Linked sign-ins</h2><ul>${d.identities.map((i) => html`<li>${i.provider === 'sso' ? `${chrome.site.name} account` : i.provider.replace(/^oidc:/, '')} (since ${when(i.createdAt)})</li>`)}</ul></section>`
    : ''
}
<section aria-labelledby="h-notify"><h2 id="h-notify">E-mail about replies</h2>
<form method="post" action="/account/notifications">${csrfField(csrf)}<fieldset><legend>When someone replies to you, or comments on a story you follow</legend>${(
      [
        ['each', 'E-mail me each time'],
        ['hourly', 'At most one e-mail an hour'],
        ['daily', 'One e-mail a day'],
        ['off', 'No e-mail (the bell on the site still shows them)'],
      ] as const
    ).map(
      ([v, l]) =>
        html`<div class="field inline"><input type="radio" id="mode-${v}" name="emailMode" value="${v}"${d.emailMode === v ? html` checked` : ''}><label for="mode-${v}">${l}</label></div>`,
    )}</fieldset>
<button class="button" type="submit">Save</button></form></section>
<section aria-labelledby="h-comments"><h2 id="h-comments">My comments</h2><p><a href="/account/comments">All your comments, and what became of each</a></p></section>
<section aria-labelledby="h-data"><h2 id="h-data">Your data</h2><p><a href="/account/data.json" download>Download everything we hold about you (JSON)</a></p></section>
<section aria-labelledby="h-delete"><h2 id="h-delete">Delete your account</h2>${
      d.deletionAt
        ? html`<p>Your account will be deleted on ${when(d.deletionAt)}.</p><form method="post" action="/account/delete/cancel">${csrfField(csrf)}<button class="button" type="submit">Keep my account</button></form>`
        : html`<form method="post" action="/account/delete">${csrfField(csrf)}
<fieldset><legend>What should happen to your comments?</legend>
<div class="field inline"><input type="radio" id="del-anon" name="mode" value="anonymise" checked><label for="del-anon">Keep them, without my name</label></div>
<div class="field inline"><input type="radio" id="del-all" name="mode" value="delete"><label for="del-all">Delete them</label></div></fieldset>
${user.passwordHash ? field('password', 'Your password', 'password', { autocomplete: 'current-password' }) : ''}
<p class="hint">You have 14 days to change your mind: log in and choose "Keep my account".</p>
<button class="button" type="submit">Delete my account</button></form>`
    }</section>
</div>`,
  );
}

export interface MyComment {
  id: string;
  html: string;
  status: string;
  statusReason: string | null;
  createdAt: string;
  story: { title: string; url: string };
  reactions: number;
  replies: number;
  legacy?: boolean;
  appealedAt?: string | null;
}

const statusLabel: Record<string, string> = {
  published: 'Published',
  pending: 'Awaiting review',
  rejected: 'Refused',
};

/** Every comment the reader wrote, with what became of it, newest first. */
export function myCommentsPage(
  chrome: Chrome,
  list: MyComment[],
  nextHref: string | null,
  csrf = '',
  notice?: string,
): SafeHtml {
  const tz = chrome.site.timeZone;
  return layout(
    chrome,
    { title: `My comments - ${chrome.site.name}`, description: 'Your comments', noindex: true },
    html`<div class="form-page settings"><h1>My comments</h1>${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}<p><a href="/account">Back to your account</a></p>
${list.length === 0 ? html`<p>You have not written any comments yet.</p>` : ''}
<ol class="comment-list my-comments">${list.map(
      (
        c,
      ) => html`<li class="comment" id="mine-${c.id}"><p class="comment-meta"><a href="${c.story.url}?comment=${c.id}#comment-${c.id}">${c.story.title}</a> · ${formatPaperTime(c.createdAt, tz)}${c.legacy ? ' · from our previous commenting platform' : ''}</p>
<p class="comment-status ${c.status === 'rejected' ? 'refused' : c.status === 'published' ? 'ok' : ''}"><strong>${statusLabel[c.status] ?? c.status}</strong>${c.statusReason && c.status !== 'published' ? html`: ${c.statusReason}` : ''}${c.status === 'published' ? html` · ${plural(c.reactions, 'reaction')} · ${plural(c.replies, 'reply', 'replies')}` : ''}</p>
<div class="comment-body">${raw(c.html)}</div>${
        c.status === 'rejected' && !c.legacy
          ? c.appealedAt
            ? html`<p class="comment-status">You appealed on ${formatPaperTime(c.appealedAt, tz)}; a moderator will look again.</p>`
            : html`<form method="post" action="/account/comments/${c.id}/appeal" class="field"><input type="hidden" name="_csrf" value="${csrf}"><label for="appeal-${c.id}">Appeal (once): why should it be published?</label><textarea id="appeal-${c.id}" name="text" rows="2" maxlength="1000" required></textarea><button class="button" type="submit">Send the appeal</button></form>`
          : ''
      }</li>`,
    )}</ol>${nextHref ? html`<p class="pager"><a href="${nextHref}" rel="next">Older comments</a></p>` : ''}
<section aria-labelledby="h-claim"><h2 id="h-claim">Comments from our previous platform</h2><p>Comments you wrote on our previous commenting platform appear here by themselves when they were made with the address you use now. If you used another address there, we can send a link to it.</p>
<form method="post" action="/account/legacy/claim" class="field"><input type="hidden" name="_csrf" value="${csrf}"><label for="claim-email">The address you used there</label><input id="claim-email" name="email" type="email" required autocomplete="email"><button class="button" type="submit">Send me a link</button></form></section></div>`,
  );
}
