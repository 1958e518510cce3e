import { MAX_DEPTH } from '../comments/comment-view.ts';
import type { ImportedCommentRow } from '../comments/comments.repository.ts';
import type { Services } from '../core/services.ts';
import type { LegacyAuthorsTable } from '../storage/schema.ts';
import { importedCommentId, legacyAuthorOf } from './ids.ts';
import type { ImportComment, ImportItem, ImportThread } from './items.ts';
import { authorRow, commentRow, emptySummary, type ImportSummary, ownStory, threadTarget } from './rows.ts';

export type { ImportSummary } from './rows.ts';

// One import: items in file order → batches of rows in transactions. Threads
// go to the article with the same address (or the one the URL map names),
// otherwise to a story of their own. A reply whose parent comes later in the
// file waits for it; one whose parent never comes becomes top-level and is
// reported.

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

export type ImportDeps = Pick<
  Services,
  'commentsRepository' | 'storiesRepository' | 'articlesRepository' | 'importsRepository'
>;

interface Placement {
  depth: number;
  root: string;
  display: string;
}

/** Placements kept in memory: enough for the replies of the last several batches. */
const PLACEMENT_CACHE = 200_000;

export async function importComments(
  deps: ImportDeps,
  items: AsyncIterable<ImportItem>,
  o: ImportOptions,
): Promise<ImportSummary> {
  const s = emptySummary();
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
  let rows: ImportedCommentRow[] = [];

  const skip = (position: string, reason: string) => {
    s.skippedCount++;
    if (s.skipped.length < 1000) s.skipped.push({ position, reason });
  };

  async function story(key: string, make: Parameters<ImportDeps['storiesRepository']['ensure']>[0]): Promise<string> {
    if (o.dryRun) return key;
    return ((await deps.storiesRepository.getByKey(o.siteId, key)) ?? (await deps.storiesRepository.ensure(make))).id;
  }

  async function storyFor(threadId: string): Promise<string | undefined> {
    const t = threads.get(threadId);
    if (!t) return undefined;
    if (t.storyId) return t.storyId;
    const { normal, slug } = threadTarget(t, o.urlMap);
    const article = await articleBySlug(slug);
    const common = { siteId: o.siteId, createdAt: at };
    if (article) {
      s.matchedThreads++;
      const key = `article:${article.id}`;
      t.storyId = await story(key, {
        ...common,
        id: importedCommentId(o.siteId, 'story', key),
        key,
        articleId: article.id,
        url: t.url!,
        title: article.headline,
        openedAt: article.publishedAt,
      });
      await moveFromOldAddress(t, key, t.storyId, article.headline);
    } else {
      s.unmatchedCount++;
      if (s.unmatched.length < 100) s.unmatched.push({ id: t.id, url: t.url, title: t.title });
      const { key, url } = ownStory(t, normal, o);
      t.storyId = await story(key, {
        ...common,
        id: importedCommentId(o.siteId, 'story', key),
        key,
        articleId: null,
        url,
        title: (t.title ?? normal ?? t.id).slice(0, 300),
        openedAt: at,
      });
      // Stories an earlier run titled by their address take the export's title.
      if (t.title && !o.dryRun)
        await deps.storiesRepository.retitleUntitled(t.storyId, t.title.slice(0, 300), [url, normal ?? url, t.id]);
      await moveFromOldAddress(t, key, t.storyId, normal ?? url);
    }
    return t.storyId;
  }

  function articleBySlug(slug: string | undefined) {
    return slug ? deps.articlesRepository.getPublishedBySlug(o.siteId, slug) : Promise.resolve(undefined);
  }

  /**
   * A URL map sends the thread somewhere new: the comments an earlier run put
   * under its old address follow it (nothing moves the second time; a dry run
   * only counts them).
   */
  async function moveFromOldAddress(t: ImportThread, key: string, storyId: string, to: string): Promise<void> {
    if (!o.urlMap || !t.url) return;
    const old = threadTarget(t, undefined);
    const oldArticle = await articleBySlug(old.slug);
    const oldKey = oldArticle ? `article:${oldArticle.id}` : ownStory(t, old.normal, o).key;
    if (oldKey === key) return;
    const from = await deps.storiesRepository.getByKey(o.siteId, oldKey);
    if (!from) return;
    const moved = o.dryRun
      ? await deps.commentsRepository.countImported(from.id, o.source)
      : await deps.commentsRepository.moveImported(from.id, storyId, o.source);
    if (moved === 0) return;
    if (s.moves.length < 1000) s.moves.push({ id: t.id, from: old.normal ?? t.url, to, comments: moved });
    if (!o.dryRun) touched.add(storyId);
  }

  async function place(parentId: string): Promise<Placement | undefined> {
    const known = placements.get(parentId);
    if (known) return known;
    if (seen) return seen.has(parentId) ? { depth: 0, root: parentId, display: parentId } : undefined;
    // Written earlier in this run, or by an earlier run that this one resumes.
    const p = await deps.commentsRepository.placement(parentId);
    return (
      p && remember(parentId, { depth: p.depth, root: p.rootId ?? parentId, display: p.displayParentId ?? parentId })
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

  function authorOf(c: ImportComment): string {
    const author = legacyAuthorOf(o.siteId, o.source, c.author);
    let id = authorIds.get(author.key);
    if (id === undefined) {
      id = author.id();
      authorIds.set(author.key, id);
      s.authors++;
      authors.push(authorRow(c, { id, siteId: o.siteId, source: o.source, at }));
    }
    return id;
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
    const depth = parentPlace ? Math.min(parentPlace.depth + 1, MAX_DEPTH) : 0;
    const root = parentPlace ? parentPlace.root : id;
    const display = parentPlace ? (parentPlace.depth >= MAX_DEPTH ? parentPlace.display : parent!) : id;
    remember(id, { depth, root, display });
    const authorId = authorOf(c);
    s.comments++;
    s.byStatus[c.status]++;
    touched.add(storyId);
    const where = parentPlace ? { parentId: parent!, depth, rootId: root, displayParentId: display } : null;
    rows.push(commentRow(c, { id, siteId: o.siteId, source: o.source, storyId, authorId, place: where }));
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
      // Authors first: a run stopped between the two writes finds them there when it resumes.
      await deps.importsRepository.insertAuthors(authors);
      const inserted = await deps.commentsRepository.insertImported(rows);
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
  if (!o.dryRun) await deps.commentsRepository.recount([...touched]);
  s.invalidCharacters = o.invalidCharacters?.() ?? 0;
  return s;
}
