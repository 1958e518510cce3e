import type { User } from '../accounts/users.repository.ts';
import type { Section } from '../articles/articles.repository.ts';
import type { BannerItem } from '../liveblogs/liveblogs.repository.ts';
import { html, jsonForScript, type SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { liveJs, siteCss } from './assets.ts';
import { liveBanner } from './components.ts';
import { urls } from './urls.ts';

export interface Chrome {
  site: Site;
  sections: Section[];
  banner: BannerItem[];
  /** the signed-in reader; absent on pages served from the shared cache */
  viewer?: { displayName: string; csrf: string; role: string };
  scripts?: { app: string; counts: string };
}

/** A signed-in reader as the pages know them: what the chrome shows, and who they are. */
export type PageViewer = NonNullable<Chrome['viewer']> & { user: User };

function accountLinks(chrome: Chrome): SafeHtml {
  const v = chrome.viewer;
  if (!v) {
    return html`<nav class="account-links" aria-label="Account"><a href="${urls.login()}">Log in</a> <a href="${urls.register()}">Register</a></nav>`;
  }
  return html`<nav class="account-links" aria-label="Account">${v.role !== 'reader' ? html`<a href="/admin">Admin</a> ` : ''}<a href="/account">${v.displayName}</a> <form method="post" action="/account/logout"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit" class="link-button">Log out</button></form></nav>`;
}

export interface PageMeta {
  title: string;
  description: string;
  /** site-relative path of the canonical URL; absent on error pages */
  path?: string;
  currentSection?: string;
  openGraph?: Record<string, string | string[]>;
  jsonLd?: unknown[];
  feeds?: { title: string; href: string }[];
  noindex?: boolean;
  /** which widget script the page needs: the comments app, or the counts filler */
  script?: 'app' | 'counts';
}

export function layout(chrome: Chrome, meta: PageMeta, main: SafeHtml): SafeHtml {
  const { site, sections } = chrome;
  const canonical = meta.path === undefined ? undefined : urls.absolute(site, meta.path);
  const og = Object.entries(meta.openGraph ?? {}).flatMap(([property, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => html`<meta property="${property}" content="${v}">`),
  );
  const feeds = meta.feeds ?? [{ title: site.name, href: urls.siteFeed() }];
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="stylesheet" href="${siteCss.path}">
<link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="manifest" href="/manifest.webmanifest">
${feeds.map((f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${f.href}">`)}
<meta property="og:site_name" content="${site.name}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}
${og}
<meta name="twitter:card" content="${meta.openGraph?.['og:image'] ? 'summary_large_image' : 'summary'}">
${(meta.jsonLd ?? []).map((d) => html`<script type="application/ld+json">${jsonForScript(d)}</script>`)}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${liveBanner(chrome.banner)}
<header class="masthead" role="banner"><div class="wrap">${accountLinks(chrome)}<a class="brand" href="${urls.front()}">${site.name}</a>${site.tagline ? html`<p class="tagline">${site.tagline}</p>` : ''}<form class="site-search" role="search" aria-label="Site" method="get" action="/search"><label class="visually-hidden" for="site-search-q">Search the stories</label><input id="site-search-q" name="q" type="search" placeholder="Search" maxlength="200"><button class="button" type="submit">Search</button></form></div></header>
<nav class="site-nav" aria-label="Sections"><div class="wrap"><ul>
<li><a href="${urls.front()}"${meta.path === '/' ? html` aria-current="page"` : ''}>Home</a></li>
${sections.map((s) => html`<li><a href="${urls.section(s.slug)}"${meta.currentSection === s.slug ? html` aria-current="page"` : ''}>${s.name}</a></li>`)}
</ul></div></nav>
<main id="main" tabindex="-1"><div class="wrap">${main}</div></main>
<footer class="site-footer" role="contentinfo"><div class="wrap"><ul>
<li><a href="${urls.guidelines()}">Community guidelines</a></li>
<li><a href="${urls.siteFeed()}">RSS</a></li>
<li><a href="${urls.sitemap()}">Sitemap</a></li>
</ul><p>© ${site.name}. Powered by Parley.</p></div></footer>
${meta.script && chrome.scripts ? html`<script src="${chrome.scripts[meta.script]}" defer></script>` : ''}
<script type="module" src="${liveJs.path}"></script>
</body>
</html>`;
}
