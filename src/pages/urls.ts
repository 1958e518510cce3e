import type { Site } from '../sites/sites.repository.ts';

// The one place that knows the site's URL scheme.
export const urls = {
  front: () => '/',
  section: (sectionSlug: string) => `/${sectionSlug}/`,
  article: (a: { slug: string; section: { slug: string } }) => `/${a.section.slug}/${a.slug}`,
  articleBySlugs: (sectionSlug: string, slug: string) => `/${sectionSlug}/${slug}`,
  author: (slug: string) => `/authors/${slug}`,
  tag: (slug: string) => `/tags/${slug}`,
  siteFeed: () => '/feed.xml',
  sectionFeed: (sectionSlug: string) => `/${sectionSlug}/feed.xml`,
  sitemap: () => '/sitemap.xml',
  guidelines: () => '/community-guidelines',
  register: () => '/account/register',
  login: () => '/account/login',
  absolute: (site: Site, path: string) => `${site.baseUrl.replace(/\/+$/, '')}${path}`,
};
