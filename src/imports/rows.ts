import type { ImportedCommentRow } from '../comments/comments.repository.ts';
import { htmlToText, renderComment, sanitizeCommentHtml } from '../comments/markdown.ts';
import { normaliseStoryUrl } from '../comments/story-url.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import type { LegacyAuthorsTable } from '../storage/schema.ts';
import { emailHash } from './ids.ts';
import type { ImportComment, ImportThread } from './items.ts';

// From the items of a file to the rows Parley stores, without I/O: the
// import's use case decides the order and writes them.

export interface ImportSummary {
  threads: number;
  matchedThreads: number;
  /** threads that matched no article and became stories of their own (first 100) */
  unmatched: { id: string; url: string | null; title: string | null }[];
  unmatchedCount: number;
  /** threads a URL map moved from the story of their old address (a dry run lists what it would move) */
  moves: { id: string; from: string; to: string; comments: number }[];
  comments: number;
  inserted: number;
  alreadyThere: number;
  authors: number;
  orphans: { id: string; position: string }[];
  orphanCount: number;
  skipped: { position: string; reason: string }[];
  skippedCount: number;
  invalidCharacters: number;
  byStatus: Record<ImportComment['status'], number>;
}

export const emptySummary = (): ImportSummary => ({
  threads: 0,
  matchedThreads: 0,
  unmatched: [],
  unmatchedCount: 0,
  moves: [],
  comments: 0,
  inserted: 0,
  alreadyThere: 0,
  authors: 0,
  orphans: [],
  orphanCount: 0,
  skipped: [],
  skippedCount: 0,
  invalidCharacters: 0,
  byStatus: { published: 0, pending: 0, spam: 0, deleted: 0 },
});

/** Where a thread goes: its address after the URL map (normalised), and the slug an article would have. */
export function threadTarget(
  t: Pick<ImportThread, 'url'>,
  urlMap: Map<string, string> | undefined,
): { normal: string | undefined; slug: string | undefined } {
  const normal = t.url ? normaliseStoryUrl(urlMap?.get(normaliseStoryUrl(t.url) ?? '') ?? t.url) : undefined;
  // The article whose address ends in the same slug, on this site.
  const slug = normal?.split('?')[0]?.split('/').filter(Boolean).slice(1).at(-1);
  return { normal, slug };
}

/** A thread that matched no article: its story's key and address. */
export function ownStory(
  t: Pick<ImportThread, 'id' | 'url'>,
  normal: string | undefined,
  o: { source: string; baseUrl: string },
): { key: string; url: string } {
  return {
    key: normal ? `url:${normal}` : `import:${o.source}:${t.id}`,
    url: t.url && /^https?:\/\//.test(t.url) ? t.url : `${o.baseUrl}/`,
  };
}

export function authorRow(
  c: ImportComment,
  o: { id: string; siteId: string; source: string; at: string },
): LegacyAuthorsTable {
  return {
    id: o.id,
    site_id: o.siteId,
    source: o.source,
    external_id: c.author.id,
    name: c.author.name.slice(0, 100),
    email: c.author.email,
    email_hash: c.author.email ? emailHash(c.author.email) : null,
    user_id: null,
    claimed_at: null,
    created_at: o.at,
  };
}

export function commentRow(
  c: ImportComment,
  o: {
    id: string;
    siteId: string;
    source: string;
    storyId: string;
    authorId: string;
    place: { parentId: string; depth: number; rootId: string; displayParentId: string } | null;
  },
): ImportedCommentRow {
  // Never trust the old platform's HTML: sanitised like every comment; the original kept for audit.
  const bodyHtml = c.html !== null ? sanitizeCommentHtml(c.html) : renderComment(c.markdown ?? '');
  const body = c.markdown ?? htmlToText(bodyHtml);
  return {
    id: o.id,
    site_id: o.siteId,
    story_id: o.storyId,
    parent_id: o.place?.parentId ?? null,
    display_parent_id: o.place?.displayParentId ?? null,
    root_id: o.place?.rootId ?? null,
    depth: o.place?.depth ?? 0,
    author_id: null,
    author_name: c.author.name.slice(0, 100),
    body,
    body_html: bodyHtml,
    status: c.status === 'spam' ? 'rejected' : c.status,
    status_reason: c.status === 'spam' ? 'Marked as spam on the previous platform.' : null,
    moderation: JSON.stringify({ imported: o.source }),
    featured: 0,
    reaction_count: c.likes,
    reply_count: 0,
    content_hash: fingerprint(body),
    created_at: c.createdAt,
    edited_at: null,
    legacy_author_id: o.authorId,
    import_source: o.source,
    import_id: c.id,
    // The original for audit, when sanitising changed it.
    original_html: c.html !== null && c.html.trim() !== bodyHtml ? c.html : null,
  };
}
