import type { Article } from '../articles/articles.repository.ts';
import { bodyToText, inlineToText } from '../articles/body.ts';
import type { LiveEntry } from '../liveblogs/liveblogs.repository.ts';
import type { Site } from '../sites/sites.repository.ts';
import { LOGO } from './logo.ts';
import { jsonLdImage } from './pictures.ts';
import { urls } from './urls.ts';

// schema.org markup that search engines and news aggregators read.

function publisher(site: Site) {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: urls.absolute(site, '/'),
    logo: { '@type': 'ImageObject', url: urls.absolute(site, LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

function people(site: Site, article: Article) {
  return article.authors.map((a) => ({
    '@type': 'Person',
    name: a.name,
    url: urls.absolute(site, urls.author(a.slug)),
  }));
}

export function newsArticleJsonLd(site: Site, article: Article): Record<string, unknown> {
  const url = urls.absolute(site, urls.article(article));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: article.standfirst,
    ...jsonLdImage(site, article.leadImage),
    datePublished: article.publishedAt,
    dateModified: article.modifiedAt > (article.updatedAt ?? '') ? article.modifiedAt : article.updatedAt,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    articleSection: article.section.name,
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name).join(', ') } : {}),
    inLanguage: site.language,
    author: people(site, article),
    publisher: publisher(site),
    articleBody: bodyToText(article.body),
  };
}

export function liveBlogJsonLd(site: Site, article: Article, entries: LiveEntry[]): Record<string, unknown> {
  const url = urls.absolute(site, urls.article(article));
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: article.standfirst,
    ...jsonLdImage(site, article.leadImage),
    datePublished: article.publishedAt,
    dateModified: entries[0]?.postedAt ?? article.modifiedAt,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    coverageStartTime: article.publishedAt,
    ...(article.liveStatus === 'ended' ? { coverageEndTime: entries[0]?.postedAt ?? article.modifiedAt } : {}),
    author: people(site, article),
    publisher: publisher(site),
    liveBlogUpdate: entries.map((e) => ({
      '@type': 'BlogPosting',
      headline: e.headline,
      datePublished: e.postedAt,
      url: `${url}#entry-${e.id}`,
      articleBody: e.body.map((b) => inlineToText(b.text)).join('\n\n'),
    })),
  };
}
