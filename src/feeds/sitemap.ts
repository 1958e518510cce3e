import { urls } from '../pages/urls.ts';
import { escapeHtml as x } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

export function sitemap(site: Site, entries: SitemapEntry[]): string {
  const body = entries
    .map(
      (e) =>
        `<url><loc>${x(urls.absolute(site, e.path))}</loc>${e.lastModified ? `<lastmod>${x(e.lastModified)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

/** Google News sitemap: articles published in the last two days, with their publication. */
export function newsSitemap(site: Site, items: { path: string; title: string; publishedAt: string }[]): string {
  const lang = site.language.split('-')[0] ?? 'en';
  const body = items
    .map(
      (a) =>
        `<url><loc>${x(urls.absolute(site, a.path))}</loc><news:news><news:publication><news:name>${x(site.name)}</news:name><news:language>${x(lang)}</news:language></news:publication><news:publication_date>${x(a.publishedAt)}</news:publication_date><news:title>${x(a.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${body}
</urlset>
`;
}

export function sitemapIndex(site: Site, paths: { path: string; lastModified?: string | undefined }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `<sitemap><loc>${x(urls.absolute(site, p.path))}</loc>${p.lastModified ? `<lastmod>${x(p.lastModified)}</lastmod>` : ''}</sitemap>`).join('\n')}
</sitemapindex>
`;
}
