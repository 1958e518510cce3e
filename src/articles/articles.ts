import type { Selectable } from 'kysely';
import type {
  ArticleKind,
  ArticleStatus,
  ArticlesTable,
  AuthorsTable,
  LiveStatus,
  SectionsTable,
} from '../storage/schema.ts';
import { type Block, type ImageRef, imageRefOf } from './body.ts';

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

/** An article's lead image: the picture above it, its thumbnail in lists, its picture when shared. */
export interface LeadImage {
  image: ImageRef;
  alt: string;
  caption: string;
  credit: string;
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
  leadImage: LeadImage | null;
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

/** A lead image as an article stores it: which uploaded image, and its words. */
export interface LeadImageChoice {
  imageId: string;
  alt: string;
  caption: string;
  credit: string;
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
  leadImage?: LeadImageChoice | null;
}

/** The articles row's lead image columns for a choice (all null without one). */
export const leadImageColumns = (c: LeadImageChoice | null | undefined) => ({
  lead_image_id: c?.imageId ?? null,
  lead_image_alt: c?.alt ?? null,
  lead_image_caption: c?.caption ?? null,
  lead_image_credit: c?.credit ?? null,
});

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
  | 'lead_image_alt'
  | 'lead_image_caption'
  | 'lead_image_credit'
> & {
  section_slug: string;
  section_name: string;
  /** the lead image's row, when it has one (a left join on images) */
  image_id: string | null;
  image_width: number | null;
  image_height: number | null;
  image_widths: string | null;
};

function leadImageOf(r: SummaryRow): LeadImage | null {
  if (!r.image_id || r.image_width === null || r.image_height === null || r.image_widths === null) return null;
  return {
    image: imageRefOf(r.site_id, {
      id: r.image_id,
      width: r.image_width,
      height: r.image_height,
      widths: r.image_widths,
    }),
    alt: r.lead_image_alt ?? '',
    caption: r.lead_image_caption ?? '',
    credit: r.lead_image_credit ?? '',
  };
}

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
    leadImage: leadImageOf(r),
  };
}
