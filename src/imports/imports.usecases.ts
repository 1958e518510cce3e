import { createHash } from 'node:crypto';
import type { ArticlesRepository } from '../articles/articles.repository.ts';
import { MAX_DEPTH } from '../comments/comments.usecases.ts';
import { htmlToText, renderComment, sanitizeCommentHtml } from '../comments/markdown.ts';
import type { StoriesRepository } from '../comments/stories.repository.ts';
import { normaliseStoryUrl } from '../comments/story-url.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import type { LegacyAuthorsTable } from '../storage/schema.ts';
import type { CommentRow, createImportsRepository } from './imports.repository.ts';
import type { ImportComment, ImportItem, ImportThread } from './items.ts';

// One import: items in file order → batches of rows in transactions. Ids are
// derived from the old platform's ids (site, format, id), so running the same
// file twice, or again after a crash, inserts nothing twice. Threads go to the
// article with the same address (or the one the URL map names), otherwise to
// a story of their own. A reply whose parent comes later in the file waits
// for it; one whose parent never comes becomes top-level and is reported.

export interface ImportSummary {
  threads: number;
  matchedThreads: number;
  /** threads that matched no article and became stories of their own (first 100) */
  unmatched: { id: string; url: string | null }[];
  unmatchedCount: number;
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

export interface ImportOptions {
  siteId: string;
  baseUrl: string;
  source: string;
  dryRun?: boolean;
  /** old URL (normalised) → new URL */
  urlMap?: Map<string, string>;
  batchSize?: number;
  now: () => Date;
  onProgress?: (s: ImportSummary) => void;
  /** read after the items are exhausted (XML readers count dropped characters as they go) */
  invalidCharacters?: () => number;
}

interface Placement {
  depth: number;
  root: string;
  display: string;
}

/** Placements kept in memory: enough for the replies of the last several batches. */
const PLACEMENT_CACHE = 200_000;

const digest = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 22);
export const importedCommentId = (siteId: string, source: string, id: string) =>
  `imp_${digest(`${siteId}\u0000${source}\u0000${id}`)}`;
export const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export function createImportsUsecases(deps: {
  imports: ReturnType<typeof createImportsRepository>;
  stories: StoriesRepository;
  articles: ArticlesRepository;
}) {
  return {
    async run(items: AsyncIterable<ImportItem>, o: ImportOptions): Promise<ImportSummary> {
      const s: ImportSummary = {
        threads: 0,
        matchedThreads: 0,
        unmatched: [],
        unmatchedCount: 0,
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
      };
      const batchSize = o.batchSize ?? 2000;
      const at = o.now().toISOString();
      const threads = new Map<string, ImportThread & { storyId?: string }>();
      // Where recent comments sit in their threads, for their replies; older ones
      // are read back from the database, so memory stays flat whatever the file's size.
      const placements = new Map<string, Placement>();
      // A dry run writes nothing to read back: it remembers which ids it has seen.
      const seen = o.dryRun ? new Set<string>() : undefined;
      const waiting = new Map<string, ImportComment[]>();
      const authorIds = new Map<string, string>();
      const touched = new Set<string>();
      let authors: LegacyAuthorsTable[] = [];
      let rows: CommentRow[] = [];

      const skip = (position: string, reason: string) => {
        s.skippedCount++;
        if (s.skipped.length < 1000) s.skipped.push({ position, reason });
      };

      async function storyFor(threadId: string): Promise<string | undefined> {
        const t = threads.get(threadId);
        if (!t) return undefined;
        if (t.storyId) return t.storyId;
        const normal = t.url ? normaliseStoryUrl(o.urlMap?.get(normaliseStoryUrl(t.url) ?? '') ?? t.url) : undefined;
        // The article whose address ends in the same slug, on this site.
        const slug = normal?.split('?')[0]?.split('/').filter(Boolean).slice(1).at(-1);
        const article = slug ? await deps.articles.getPublishedBySlug(o.siteId, slug) : undefined;
        if (article) {
          s.matchedThreads++;
          const key = `article:${article.id}`;
          t.storyId = o.dryRun
            ? key
            : (
                (await deps.stories.getByKey(o.siteId, key)) ??
                (await deps.stories.ensure({
                  id: importedCommentId(o.siteId, 'story', key),
                  siteId: o.siteId,
                  key,
                  articleId: article.id,
                  url: t.url!,
                  title: article.headline,
                  openedAt: article.publishedAt,
                  createdAt: at,
                }))
              ).id;
        } else {
          s.unmatchedCount++;
          if (s.unmatched.length < 100) s.unmatched.push({ id: t.id, url: t.url });
          const key = normal ? `url:${normal}` : `import:${o.source}:${t.id}`;
          const url = t.url && /^https?:\/\//.test(t.url) ? t.url : `${o.baseUrl}/`;
          t.storyId = o.dryRun
            ? key
            : (
                (await deps.stories.getByKey(o.siteId, key)) ??
                (await deps.stories.ensure({
                  id: importedCommentId(o.siteId, 'story', key),
                  siteId: o.siteId,
                  key,
                  articleId: null,
                  url,
                  title: (t.title ?? normal ?? t.id).slice(0, 300),
                  openedAt: at,
                  createdAt: at,
                }))
              ).id;
        }
        return t.storyId;
      }

      async function place(parentId: string): Promise<Placement | undefined> {
        const known = placements.get(parentId);
        if (known) return known;
        if (seen) return seen.has(parentId) ? { depth: 0, root: parentId, display: parentId } : undefined;
        // Written earlier in this run, or by an earlier run that this one resumes.
        const p = await deps.imports.placement(parentId);
        return (
          p &&
          remember(parentId, { depth: p.depth, root: p.rootId ?? parentId, display: p.displayParentId ?? parentId })
        );
      }

      function remember(id: string, p: Placement): Placement {
        if (placements.size >= PLACEMENT_CACHE) {
          // Forget the oldest quarter: threads are mostly answered while they are young.
          let n = 0;
          for (const key of placements.keys()) {
            placements.delete(key);
            if (++n >= PLACEMENT_CACHE / 4) break;
          }
        }
        placements.set(id, p);
        seen?.add(id);
        return p;
      }

      async function add(c: ImportComment, forceTop = false): Promise<void> {
        const storyId = await storyFor(c.threadId);
        if (!storyId) return skip(c.position, `comment ${c.id} names thread ${c.threadId}, which is not in the file`);
        const id = importedCommentId(o.siteId, o.source, c.id);
        if (placements.has(id) || seen?.has(id)) return skip(c.position, `comment ${c.id} appears twice`);
        let parentPlace: Placement | undefined;
        const parent = c.parentId && !forceTop ? importedCommentId(o.siteId, o.source, c.parentId) : null;
        if (parent) {
          parentPlace = await place(parent);
          if (parentPlace === undefined) {
            // Not seen yet: it may come later in the file.
            const list = waiting.get(c.parentId!) ?? [];
            list.push(c);
            waiting.set(c.parentId!, list);
            return;
          }
        }
        const d = parentPlace ? Math.min(parentPlace.depth + 1, MAX_DEPTH) : 0;
        const root = parentPlace ? parentPlace.root : id;
        const display = parentPlace ? (parentPlace.depth >= MAX_DEPTH ? parentPlace.display : parent!) : id;
        remember(id, { depth: d, root, display });

        // Never trust the old platform's HTML: sanitised like every comment; the original kept for audit.
        const bodyHtml = c.html !== null ? sanitizeCommentHtml(c.html) : renderComment(c.markdown ?? '');
        const body = c.markdown ?? htmlToText(bodyHtml);
        const rawKey = c.author.id
          ? `id:${c.author.id}`
          : c.author.email
            ? `email:${c.author.email.trim().toLowerCase()}`
            : `name:${c.author.name}`;
        let authorId = authorIds.get(rawKey);
        if (authorId === undefined) {
          const authorKey = c.author.id ? rawKey : c.author.email ? `email:${emailHash(c.author.email)}` : rawKey;
          authorId = `la_${digest(`${o.siteId}\u0000${o.source}\u0000${authorKey}`)}`;
          authorIds.set(rawKey, authorId);
          s.authors++;
          authors.push({
            id: authorId,
            site_id: o.siteId,
            source: o.source,
            external_id: c.author.id,
            name: c.author.name.slice(0, 100),
            email: c.author.email,
            email_hash: c.author.email ? emailHash(c.author.email) : null,
            user_id: null,
            claimed_at: null,
            created_at: at,
          });
        }
        s.comments++;
        s.byStatus[c.status]++;
        touched.add(storyId);
        rows.push({
          id,
          site_id: o.siteId,
          story_id: storyId,
          parent_id: parentPlace ? parent : null,
          display_parent_id: parentPlace ? display : null,
          root_id: parentPlace ? root : null,
          depth: d,
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
          legacy_author_id: authorId,
          import_source: o.source,
          import_id: c.id,
          // The original for audit, when sanitising changed it.
          original_html: c.html !== null && c.html.trim() !== bodyHtml ? c.html : null,
        });
        if (rows.length >= batchSize) await flush();
        // Replies that were waiting for this comment.
        const children = waiting.get(c.id);
        if (children) {
          waiting.delete(c.id);
          for (const child of children) await add(child);
        }
      }

      async function flush(): Promise<void> {
        if (rows.length === 0) return;
        if (!o.dryRun) {
          const inserted = await deps.imports.writeBatch(authors, rows);
          s.inserted += inserted;
          s.alreadyThere += rows.length - inserted;
        }
        authors = [];
        rows = [];
        o.onProgress?.(s);
      }

      for await (const item of items) {
        if (item.type === 'skip') skip(item.position, item.reason);
        else if (item.type === 'thread') {
          s.threads++;
          if (!threads.has(item.id)) threads.set(item.id, item);
        } else await add(item);
      }
      // Replies whose parent never came: kept, at the top level, and reported.
      for (const list of waiting.values()) {
        for (const c of list) {
          s.orphanCount++;
          if (s.orphans.length < 1000) s.orphans.push({ id: c.id, position: c.position });
          await add(c, true);
        }
      }
      await flush();
      if (!o.dryRun) await deps.imports.recount([...touched]);
      s.invalidCharacters = o.invalidCharacters?.() ?? 0;
      return s;
    },
  };
}
