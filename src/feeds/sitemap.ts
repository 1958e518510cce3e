import { escapeHtml as x } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { urls } from '../pages/urls.ts';

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

export function sitemap(site: Site, entries: SitemapEntry[]): string {
  const body = entries
    .map((e) => `<url><loc>${x(urls.absolute(site, e.path))}</loc>${e.lastModified ? `<lastmod>${x(e.lastModified)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}
