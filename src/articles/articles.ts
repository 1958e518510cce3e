import type { Selectable } from 'kysely';
import type {
  ArticleKind,
  ArticleStatus,
  ArticlesTable,
  AuthorsTable,
  LiveStatus,
  SectionsTable,
} from '../storage/schema.ts';
import type { Block } from './body.ts';

// What the paper publishes, as the rest of Parley sees it: sections, authors,
// articles and their summaries, and how a stored row becomes one.

export interface Section {
  id: string;
  siteId: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface Author {
  id: string;
  siteId: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export interface Tag {
  slug: string;
  name: string;
}

export interface ArticleSummary {
  id: string;
  siteId: string;
  kind: ArticleKind;
  slug: string;
  headline: string;
  shortTitle: string | null;
  standfirst: string;
  dateline: string | null;
  section: { id: string; slug: string; name: string };
  publishedAt: string;
  updatedAt: string | null;
  modifiedAt: string;
  liveStatus: LiveStatus | null;
  liveTopic: string | null;
}

export interface Article extends ArticleSummary {
  body: Block[];
  authors: Author[];
  tags: Tag[];
  commentsOpen: boolean;
  inBanner: boolean;
  /** a correction note shown on the page, and when it was made */
  correction?: string | null;
  correctedAt?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
}

export interface NewArticle {
  id: string;
  siteId: string;
  sectionId: string;
  kind: ArticleKind;
  slug: string;
  headline: string;
  shortTitle: string | null;
  standfirst: string;
  body: Block[];
  dateline: string | null;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string | null;
  modifiedAt: string;
  authorIds: string[];
  tags: Tag[];
  commentsOpen: boolean;
  liveStatus: LiveStatus | null;
  liveTopic: string | null;
  inBanner: boolean;
}

export interface ListQuery {
  siteId: string;
  sectionId?: string;
  authorId?: string;
  tagSlug?: string;
  kind?: ArticleKind;
  /** keyset pagination: only articles published before this time */
  before?: string;
  publishedSince?: string;
  limit: number;
}

export const toSection = (r: Selectable<SectionsTable>): Section => ({
  id: r.id,
  siteId: r.site_id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  position: r.position,
});

export const toAuthor = (r: Selectable<AuthorsTable>): Author => ({
  id: r.id,
  siteId: r.site_id,
  slug: r.slug,
  name: r.name,
  title: r.title,
  bio: r.bio,
});

export type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  | 'id'
  | 'site_id'
  | 'kind'
  | 'slug'
  | 'headline'
  | 'short_title'
  | 'standfirst'
  | 'dateline'
  | 'published_at'
  | 'updated_at'
  | 'modified_at'
  | 'live_status'
  | 'live_topic'
  | 'section_id'
> & { section_slug: string; section_name: string };

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    siteId: r.site_id,
    kind: r.kind,
    slug: r.slug,
    headline: r.headline,
    shortTitle: r.short_title,
    standfirst: r.standfirst,
    dateline: r.dateline,
    section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
    // only published articles are summarised, and those always have a time
    publishedAt: r.published_at ?? r.modified_at,
    updatedAt: r.updated_at,
    modifiedAt: r.modified_at,
    liveStatus: r.live_status,
    liveTopic: r.live_topic,
  };
}
