// The tables as the application sees them. Both engines return the same shapes:
// times are ISO-8601 UTC strings, flags are 0/1 integers, structured values are
// JSON text. The engine-specific setup (sqlite/, postgres/) makes that true.

export interface SitesTable {
  id: string;
  name: string;
  base_url: string;
  time_zone: string;
  time_zone_label: string | null;
  language: string;
  tagline: string;
  guidelines: string;
  created_at: string;
}

export interface SectionsTable {
  id: string;
  site_id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface AuthorsTable {
  id: string;
  site_id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export type ArticleKind = 'article' | 'liveblog';
export type ArticleStatus = 'draft' | 'published';
export type LiveStatus = 'live' | 'ended';

export interface ArticlesTable {
  id: string;
  site_id: string;
  section_id: string;
  kind: ArticleKind;
  slug: string;
  headline: string;
  /** for banners and tight lists; the headline when absent */
  short_title: string | null;
  standfirst: string;
  /** JSON array of body blocks, see articles/body.ts */
  body: string;
  dateline: string | null;
  status: ArticleStatus;
  published_at: string | null;
  /** set only by an editor's deliberate "update": drives the visible "Updated" time */
  updated_at: string | null;
  /** any change at all; drives caches, feeds and dateModified */
  modified_at: string;
  created_at: string;
  comments_open: number;
  live_status: LiveStatus | null;
  live_topic: string | null;
  in_banner: number;
}

export interface ArticleAuthorsTable {
  article_id: string;
  author_id: string;
  position: number;
}

export interface ArticleTagsTable {
  site_id: string;
  article_id: string;
  slug: string;
  name: string;
}

export interface LiveEntriesTable {
  id: string;
  site_id: string;
  article_id: string;
  headline: string;
  body: string;
  key_event: number;
  posted_at: string;
  modified_at: string;
}

export interface TopPicksTable {
  site_id: string;
  article_id: string;
  position: number;
}

export interface Database {
  sites: SitesTable;
  sections: SectionsTable;
  authors: AuthorsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  live_entries: LiveEntriesTable;
  top_picks: TopPicksTable;
}
