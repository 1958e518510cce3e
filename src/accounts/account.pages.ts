import { type Chrome, layout } from '../pages/layout.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { PASSWORD_MIN } from './passwords.ts';

export interface Notice {
  kind: 'info' | 'error' | 'warning';
  text: string;
}

export function notices(list: Notice[]): SafeHtml {
  return html`${list.map((n) => html`<div class="notice ${n.kind === 'info' ? '' : n.kind}" role="${n.kind === 'error' ? 'alert' : 'status'}">${n.text}</div>`)}`;
}

export function field(
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

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

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
