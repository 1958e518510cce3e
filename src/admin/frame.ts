import { backofficeCss, siteCss } from '../pages/assets.ts';
import type { Chrome } from '../pages/layout.ts';
import { html, type SafeHtml } from '../shared/html.ts';

// The back office's own plain frame: no reader masthead, no sections, no LIVE
// banner; a navigation that shows only what the viewer's role may open.

type Role = 'reader' | 'moderator' | 'editor' | 'admin';

interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
}

const EDITORS = ['editor', 'admin'] as const;
const STAFF = ['moderator', 'admin'] as const;
const ADMINS = ['admin'] as const;

export const backofficeNav: readonly NavItem[] = [
  { label: 'Newsroom', href: '/admin/articles', roles: EDITORS },
  { label: 'Live blogs', href: '/admin/liveblogs', roles: EDITORS },
  { label: 'Top News picks', href: '/admin/top-picks', roles: EDITORS },
  { label: 'Moderation queue', href: '/admin/moderate', roles: STAFF },
  { label: 'Dashboard', href: '/admin/moderate/dashboard', roles: STAFF },
  { label: 'Policy', href: '/admin/moderate/policy', roles: ADMINS },
  { label: 'Audit log', href: '/admin/moderate/audit', roles: ADMINS },
  { label: 'Users', href: '/admin/users', roles: ADMINS },
  { label: 'Outbox', href: '/admin/outbox', roles: ADMINS },
];

/** The pages a role may open, in the navigation's order. */
export function navFor(role: string): NavItem[] {
  return backofficeNav.filter((item) => (item.roles as readonly string[]).includes(role));
}

/** Where the "Admin" link takes a role: the first page it may open. */
export function backofficeHome(role: string): string | undefined {
  return navFor(role)[0]?.href;
}

/** The item a path belongs to: the longest href that starts it. */
function current(path: string | undefined, items: NavItem[]): NavItem | undefined {
  if (!path) return undefined;
  return items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

export interface BackofficeMeta {
  title: string;
  /** the page's path, to mark its item in the navigation */
  path?: string;
  /** extra stylesheets (hashed asset paths) */
  styles?: string[];
}

export function backofficeLayout(chrome: Chrome, meta: BackofficeMeta, main: SafeHtml): SafeHtml {
  const { site, viewer } = chrome;
  const items = navFor(viewer?.role ?? 'reader');
  const here = current(meta.path, items);
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} - ${site.name}</title>
<meta name="robots" content="noindex">
<link rel="stylesheet" href="${siteCss.path}">
<link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${backofficeCss.path}">
${(meta.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body class="backoffice">
<a class="skip-link" href="#main">Skip to content</a>
<header class="bo-header"><div class="wrap">
<p class="bo-brand"><a href="/">${site.name}</a> <span>back office</span></p>
<nav class="bo-nav" aria-label="Back office"><ul>${items.map((i) => html`<li><a href="${i.href}"${i === here ? html` aria-current="page"` : ''}>${i.label}</a></li>`)}</ul></nav>
${viewer ? html`<div class="bo-account"><span>${viewer.displayName}</span> <form method="post" action="/account/logout"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button type="submit" class="link-button">Log out</button></form></div>` : ''}
</div></header>
<main id="main" tabindex="-1"><div class="wrap"><h1>${meta.title}</h1>${main}</div></main>
</body>
</html>`;
}
