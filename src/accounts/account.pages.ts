import { type Chrome, layout } from '../pages/layout.ts';
import { html, raw, type SafeHtml } from '../shared/html.ts';
import { formatPaperTime } from '../time/format.ts';
import { PASSWORD_MIN } from './passwords.ts';
import type { Session } from './sessions.repository.ts';
import type { Identity, User } from './users.repository.ts';

export interface Notice {
  kind: 'info' | 'error' | 'warning';
  text: string;
}

function notices(list: Notice[]): SafeHtml {
  return html`${list.map((n) => html`<div class="notice ${n.kind === 'info' ? '' : n.kind}" role="${n.kind === 'error' ? 'alert' : 'status'}">${n.text}</div>`)}`;
}

function field(
  name: string,
  label: string,
  type: string,
  options: { value?: string; autocomplete?: string; hint?: string; required?: boolean; min?: number } = {},
): SafeHtml {
  const id = `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${name}" type="${type}"${options.value ? html` value="${options.value}"` : ''}${
    options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
  }${options.required === false ? '' : html` required`}${options.min ? html` minlength="${String(options.min)}"` : ''}${options.hint ? html` aria-describedby="${id}-hint"` : ''}>${
    options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''
  }</div>`;
}

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

function page(chrome: Chrome, title: string, body: SafeHtml): SafeHtml {
  return layout(
    chrome,
    { title: `${title} - ${chrome.site.name}`, description: title, noindex: true },
    html`<div class="form-page">${body}</div>`,
  );
}

export function messagePage(chrome: Chrome, title: string, list: Notice[], extra: SafeHtml = html``): SafeHtml {
  return page(chrome, title, html`<h1>${title}</h1>${notices(list)}${extra}`);
}

export function registerPage(
  chrome: Chrome,
  csrf: string,
  list: Notice[],
  values: { email?: string; displayName?: string } = {},
): SafeHtml {
  return page(
    chrome,
    'Register',
    html`<h1>Register</h1>${notices(list)}
<form method="post" action="/account/register">${csrfField(csrf)}
${field('displayName', 'Display name', 'text', { value: values.displayName ?? '', autocomplete: 'nickname', hint: 'Shown beside your comments. 2 to 50 characters.' })}
${field('email', 'E-mail address', 'email', { value: values.email ?? '', autocomplete: 'email', hint: 'We send a link to confirm it, and never show it to other readers.' })}
${field('password', 'Password', 'password', { autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN} characters. A phrase of a few words works well.`, min: PASSWORD_MIN })}
<button class="button" type="submit">Register</button>
</form>
<p>Already registered? <a href="/account/login">Log in</a>.</p>`,
  );
}

export function loginPage(
  chrome: Chrome,
  csrf: string,
  list: Notice[],
  options: {
    email?: string;
    returnTo: string;
    providers: { name: string; label: string }[];
    publisherLoginUrl?: string | null;
    passwordLogin: boolean;
  },
): SafeHtml {
  return page(
    chrome,
    'Log in',
    html`<h1>Log in</h1>${notices(list)}
${options.publisherLoginUrl ? html`<p><a class="button" href="${options.publisherLoginUrl}">Log in with your ${chrome.site.name} account</a></p>` : ''}
${options.providers.map((p) => html`<p><a class="button secondary" href="/account/oidc/${p.name}/start?return=${encodeURIComponent(options.returnTo)}">Log in with ${p.label}</a></p>`)}
${
  options.passwordLogin
    ? html`<form method="post" action="/account/login">${csrfField(csrf)}<input type="hidden" name="return" value="${options.returnTo}">
${field('email', 'E-mail address', 'email', { value: options.email ?? '', autocomplete: 'username' })}
${field('password', 'Password', 'password', { autocomplete: 'current-password' })}
<button class="button" type="submit">Log in</button>
</form>
<p><a href="/account/forgot">Forgotten your password?</a> · No account yet? <a href="/account/register">Register</a>.</p>`
    : ''
}`,
  );
}

export function forgotPage(chrome: Chrome, csrf: string, list: Notice[]): SafeHtml {
  return page(
    chrome,
    'Forgotten password',
    html`<h1>Forgotten password</h1>${notices(list)}
<form method="post" action="/account/forgot">${csrfField(csrf)}
${field('email', 'E-mail address of your account', 'email', { autocomplete: 'email' })}
<button class="button" type="submit">Send me a link</button></form>`,
  );
}

export function resetPage(chrome: Chrome, csrf: string, token: string, list: Notice[]): SafeHtml {
  return page(
    chrome,
    'Choose a new password',
    html`<h1>Choose a new password</h1>${notices(list)}
<form method="post" action="/account/reset">${csrfField(csrf)}<input type="hidden" name="token" value="${token}">
${field('password', 'New password', 'password', { autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN} characters.`, min: PASSWORD_MIN })}
<button class="button" type="submit">Save the new password</button></form>`,
  );
}

export function linkPage(
  chrome: Chrome,
  csrf: string,
  token: string,
  info: { email: string | null; hasPassword: boolean },
  list: Notice[],
): SafeHtml {
  return page(
    chrome,
    'Link your accounts',
    html`<h1>Link your accounts</h1>${notices(list)}
<p>There is already an account with the address <strong>${info.email ?? ''}</strong>. If it is yours, link the two so that you keep one account and one comment history.</p>
${
  info.hasPassword
    ? html`<form method="post" action="/account/link">${csrfField(csrf)}<input type="hidden" name="token" value="${token}">
${field('password', 'Password of that account', 'password', { autocomplete: 'current-password' })}
<button class="button" type="submit">Link and log in</button></form>`
    : ''
}
<form method="post" action="/account/link/email">${csrfField(csrf)}<input type="hidden" name="token" value="${token}">
<button class="button secondary" type="submit">E-mail me a link to confirm instead</button></form>`,
  );
}

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
  rejected: 'Not published',
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
<p class="comment-status ${c.status === 'rejected' ? 'refused' : c.status === 'published' ? 'ok' : ''}"><strong>${statusLabel[c.status] ?? c.status}</strong>${c.statusReason && c.status !== 'published' ? html`: ${c.statusReason}` : ''}${c.status === 'published' ? html` · ${String(c.reactions)} reactions · ${String(c.replies)} replies` : ''}</p>
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
