import type { User } from '../accounts/users.repository.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { type Comment, cursorOf, type Sort } from './comment-rows.repository.ts';
import {
  buildTree,
  type CommentView,
  commentView,
  missingParents,
  namesOf,
  storyInfo,
  type ThreadPage,
  type ViewContext,
} from './comment-view.ts';
import { commentErrors as E } from './comments.errors.ts';
import type { CommentsRepository } from './comments.repository.ts';
import { closedReason, decodeCursor, encodeCursor } from './rules.ts';
import type { CommentSettings, StoriesRepository, Story } from './stories.repository.ts';
import { authorsOfStory } from './stories.usecases.ts';

// Reading: a page of a story's threads, "more replies" under a comment, the
// thread around a permalinked comment, and a reader's own comments.

// Typed here, not as Pick<Services>: core/services.ts builds the pages that read threads.
export type ReadDeps = {
  commentsRepository: CommentsRepository;
  storiesRepository: StoriesRepository;
  now: () => Date;
};

/** Replies loaded under one page of threads at most. */
const THREAD_REPLIES = 2000;

async function context(
  deps: ReadDeps,
  q: { story: Story; settings: CommentSettings; viewerId: string | null; comments: Comment[] },
): Promise<ViewContext> {
  const [mineReacted, storyAuthors] = await Promise.all([
    q.viewerId
      ? deps.commentsRepository.reactedBy(
          q.viewerId,
          q.comments.map((c) => c.id),
        )
      : Promise.resolve(new Set<string>()),
    authorsOfStory(deps, q.story),
  ]);
  return {
    viewerId: q.viewerId,
    mineReacted,
    storyAuthors,
    names: new Map(),
    settings: q.settings,
    now: deps.now().toISOString(),
  };
}

/** The visible tree under a page of top-level comments. */
async function threadsUnder(
  deps: ReadDeps,
  q: { top: Comment[]; story: Story; settings: CommentSettings; viewerId: string | null; expand?: Set<string> },
): Promise<CommentView[]> {
  const replies = await deps.commentsRepository.listThreads(
    q.top.map((c) => c.id),
    q.viewerId,
    THREAD_REPLIES,
  );
  const all = [...q.top, ...replies];
  const ctx = await context(deps, { ...q, comments: all });
  ctx.names = namesOf(all);
  for (const p of await deps.commentsRepository.getMany(missingParents(replies, ctx.names)))
    ctx.names.set(p.id, p.authorName);
  return buildTree(q.top, replies, ctx, q.expand);
}

export async function readThread(
  deps: ReadDeps,
  q: { site: Site; story: Story; sort: Sort; cursor?: string; limit: number; viewer: User | null; featured?: boolean },
): Promise<ThreadPage> {
  const settings = await deps.storiesRepository.getSettings(q.site.id);
  const cursor = decodeCursor(q.cursor);
  const viewerId = q.viewer?.id ?? null;
  const top = await deps.commentsRepository.listTop({
    storyId: q.story.id,
    sort: q.sort,
    ...(cursor ? { cursor } : {}),
    limit: q.limit + 1,
    viewerId,
    featuredOnly: q.featured ?? false,
  });
  const page = top.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    story: storyInfo(q.story, closedReason(q.story, settings, deps.now())),
    comments: await threadsUnder(deps, { top: page, story: q.story, settings, viewerId }),
    nextCursor: top.length > q.limit && last ? encodeCursor(cursorOf(last, q.sort)) : null,
  };
}

/** "Show more replies" under one comment. */
export async function readReplies(
  deps: ReadDeps,
  q: { site: Site; parentId: string; cursor?: string; limit: number; viewer: User | null },
): Promise<{ comments: CommentView[]; nextCursor: string | null }> {
  const { commentsRepository: comments } = deps;
  const parent = await comments.get(q.parentId);
  if (!parent || parent.siteId !== q.site.id) throw new AppError(E.COMMENT_NOT_FOUND);
  const story = await deps.storiesRepository.get(parent.storyId);
  if (!story) throw new AppError(E.STORY_NOT_FOUND);
  const cursor = decodeCursor(q.cursor);
  const viewerId = q.viewer?.id ?? null;
  const list = await comments.listReplies({
    displayParentId: q.parentId,
    ...(cursor ? { cursor } : {}),
    limit: q.limit + 1,
    viewerId,
  });
  const page = list.slice(0, q.limit);
  const settings = await deps.storiesRepository.getSettings(q.site.id);
  const ctx = await context(deps, { story, settings, viewerId, comments: page });
  ctx.names.set(parent.id, parent.authorName);
  for (const p of await comments.getMany(
    page.filter((c) => c.parentId && !ctx.names.has(c.parentId)).map((c) => c.parentId!),
  ))
    ctx.names.set(p.id, p.authorName);
  const counts = await comments.countReplies(
    page.map((c) => c.id),
    viewerId,
  );
  const last = page[page.length - 1];
  return {
    comments: page.map((c) => ({ ...commentView(c, ctx), moreReplies: counts.get(c.id) ?? 0 })),
    nextCursor: list.length > q.limit && last ? encodeCursor(cursorOf(last, 'oldest')) : null,
  };
}

/** The whole thread that holds a comment, with the way down to it opened: for permalinks. */
export async function readCommentContext(
  deps: ReadDeps,
  q: { site: Site; commentId: string; viewer: User | null },
): Promise<{ story: Story; thread: CommentView; path: string[] }> {
  const { commentsRepository: comments } = deps;
  const target = await comments.get(q.commentId);
  if (!target || target.siteId !== q.site.id) throw new AppError(E.COMMENT_NOT_FOUND);
  const story = await deps.storiesRepository.get(target.storyId);
  if (!story) throw new AppError(E.STORY_NOT_FOUND);
  const root = target.rootId ? await comments.get(target.rootId) : target;
  if (!root) throw new AppError(E.COMMENT_NOT_FOUND);
  const path: string[] = [];
  for (
    let c: Comment | undefined = target;
    c;
    c = c.displayParentId ? await comments.get(c.displayParentId) : undefined
  )
    path.unshift(c.id);
  const settings = await deps.storiesRepository.getSettings(q.site.id);
  const viewerId = q.viewer?.id ?? null;
  const [thread] = await threadsUnder(deps, { top: [root], story, settings, viewerId, expand: new Set(path) });
  if (!thread) throw new AppError(E.COMMENT_NOT_FOUND);
  return { story, thread, path };
}

/** A reader's own comments, every status but deleted, newest first. */
export async function listMyComments(
  deps: { commentsRepository: CommentsRepository },
  q: { user: User; cursor?: string; limit: number },
) {
  const cursor = decodeCursor(q.cursor);
  const list = await deps.commentsRepository.listByAuthor(q.user.id, cursor, q.limit + 1);
  const page = list.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    comments: page.map((c) => ({
      id: c.id,
      html: c.bodyHtml,
      status: c.status,
      statusReason: c.statusReason,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      story: { id: c.storyId, title: c.storyTitle, url: c.storyUrl },
      reactions: c.reactionCount,
      replies: c.replyCount,
      importedFrom: c.importedFrom,
      appealedAt: c.appealedAt,
    })),
    nextCursor: list.length > q.limit && last ? encodeCursor(cursorOf(last, 'newest')) : null,
  };
}
