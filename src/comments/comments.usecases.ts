import { postingBlock } from '../accounts/sanctions.ts';
import type { User } from '../accounts/users.repository.ts';
import type { Bus } from '../events/bus.ts';
import type { ModerationPipeline, ModerationResult } from '../guidelines/pipeline.ts';
import { AppError } from '../shared/errors.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { newId } from '../shared/ids.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { ReportReason } from '../storage/schema.ts';
import { commentErrors as E } from './comments.errors.ts';
import { type Comment, type CommentsRepository, type Cursor, cursorOf, type Sort } from './comments.repository.ts';
import { htmlToText, renderComment } from './markdown.ts';
import type { CommentSettings, StoriesRepository, Story } from './stories.repository.ts';
import { normaliseStoryUrl } from './story-url.ts';

const authorFacts = (u: User) => ({
  createdAt: u.createdAt,
  trusted: u.trusted,
  sanctionedAt: u.sanctionedAt,
  sanctionUntil: u.sanctionUntil,
});

/** Replies nest this deep; deeper ones are shown at this level, "in reply to" their parent. */
export const MAX_DEPTH = 3;
const REPLIES_SHOWN = 3;
const DUPLICATE_WINDOW_MS = 60_000;
const STAFF = new Set(['moderator', 'editor', 'admin']);

export interface CommentView {
  id: string;
  storyId: string;
  parentId: string | null;
  depth: number;
  author: { id: string | null; name: string; badges: string[]; staff: string | null; storyAuthor: boolean };
  html: string;
  status: Comment['status'];
  /** for the author: why a comment is held or was refused */
  statusReason: string | null;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  featured: boolean;
  reactions: { count: number; mine: boolean };
  replyCount: number;
  inReplyTo: { id: string; name: string } | null;
  replies: CommentView[];
  moreReplies: number;
  mine: boolean;
  editableUntil: string | null;
}

export interface ThreadPage {
  story: {
    id: string;
    title: string;
    url: string;
    closed: boolean;
    commentCount: number;
    closedMessage: string | null;
  };
  comments: CommentView[];
  nextCursor: string | null;
}

export interface CommentsDeps {
  comments: CommentsRepository;
  stories: StoriesRepository;
  pipeline: ModerationPipeline;
  bus: Bus;
  now: () => Date;
  /** comments one reader may post per minute (per instance) */
  perMinute?: number;
  /** after a comment is published (notifications); runs after the answer, never delays it */
  onPublished?: (site: Site, story: Story, comment: Comment) => Promise<void>;
  onError?: (err: unknown) => void;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (Array.isArray(v) && v.length <= 4 && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // fall through
  }
  throw new AppError({ code: 'VALIDATION_FAILED', status: 400, message: 'The cursor is not valid.' });
}

export function createCommentsUsecases(deps: CommentsDeps) {
  const { comments, stories } = deps;
  const iso = () => deps.now().toISOString();
  // Per reader and instance: a person does not write ten comments a minute.
  const writes = createRateLimiter({ limit: deps.perMinute ?? 10, windowMs: 60_000, now: () => deps.now().getTime() });

  function closedReason(story: Story, settings: CommentSettings): string | null {
    if (settings.allClosed) return settings.closedMessage ?? 'Comments are closed across the site for now.';
    if (story.closed) return settings.closedMessage ?? 'Comments are closed on this story.';
    if (settings.autoCloseDays) {
      const opened = new Date(story.openedAt).getTime();
      if (deps.now().getTime() > opened + settings.autoCloseDays * 86_400_000)
        return `Comments close ${settings.autoCloseDays} days after publication.`;
    }
    return null;
  }

  async function authorsOfStory(story: Story): Promise<Set<string>> {
    return new Set(story.articleId ? await stories.articleAuthorUserIds(story.articleId) : []);
  }

  function view(
    c: Comment,
    ctx: {
      viewerId: string | null;
      mineReacted: Set<string>;
      storyAuthors: Set<string>;
      names: Map<string, string>;
      settings: CommentSettings;
    },
  ): CommentView {
    const deleted = c.status === 'deleted';
    const mine = Boolean(ctx.viewerId && c.authorId === ctx.viewerId);
    const editableUntil =
      mine && !deleted
        ? new Date(new Date(c.createdAt).getTime() + ctx.settings.editWindowSeconds * 1000).toISOString()
        : null;
    return {
      id: c.id,
      storyId: c.storyId,
      parentId: c.parentId,
      depth: c.depth,
      author: deleted
        ? { id: null, name: '', badges: [], staff: null, storyAuthor: false }
        : {
            id: c.authorId,
            name: c.authorName,
            badges: c.authorBadges,
            staff: c.authorRole && STAFF.has(c.authorRole) ? c.authorRole : null,
            storyAuthor: Boolean(c.authorId && ctx.storyAuthors.has(c.authorId)),
          },
      html: deleted ? '' : c.bodyHtml,
      status: c.status,
      statusReason: mine ? c.statusReason : null,
      deleted,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      featured: c.featured,
      reactions: { count: c.reactionCount, mine: ctx.mineReacted.has(c.id) },
      replyCount: c.replyCount,
      inReplyTo:
        c.parentId && c.parentId !== c.displayParentId
          ? { id: c.parentId, name: ctx.names.get(c.parentId) ?? '' }
          : null,
      replies: [],
      moreReplies: 0,
      mine,
      editableUntil: editableUntil && editableUntil > iso() ? editableUntil : null,
    };
  }

  /** Builds the visible tree under a page of top-level comments. */
  async function buildThreads(
    top: Comment[],
    story: Story,
    settings: CommentSettings,
    viewerId: string | null,
    expand?: Set<string>,
  ): Promise<CommentView[]> {
    const replies = await comments.listThreads(
      top.map((c) => c.id),
      viewerId,
      2000,
    );
    const all = [...top, ...replies];
    const [mineReacted, storyAuthors] = await Promise.all([
      viewerId
        ? comments.reactedBy(
            viewerId,
            all.map((c) => c.id),
          )
        : Promise.resolve(new Set<string>()),
      authorsOfStory(story),
    ]);
    const names = new Map(all.map((c) => [c.id, c.status === 'deleted' ? '' : c.authorName]));
    const missingParents = [
      ...new Set(replies.filter((r) => r.parentId && !names.has(r.parentId)).map((r) => r.parentId!)),
    ];
    for (const p of await comments.getMany(missingParents)) names.set(p.id, p.authorName);
    const ctx = { viewerId, mineReacted, storyAuthors, names, settings };
    const byParent = new Map<string, Comment[]>();
    for (const r of replies) {
      const list = byParent.get(r.displayParentId ?? '') ?? [];
      list.push(r);
      byParent.set(r.displayParentId ?? '', list);
    }
    const attach = (c: Comment): CommentView => {
      const v = view(c, ctx);
      const children = byParent.get(c.id) ?? [];
      // A permalinked comment's path is opened fully; elsewhere the first few show.
      const shown = expand && children.some((k) => expand.has(k.id)) ? children : children.slice(0, REPLIES_SHOWN);
      v.replies = shown.map(attach);
      v.moreReplies = children.length - shown.length;
      return v;
    };
    return top.map(attach);
  }

  function storyInfo(story: Story, settings: CommentSettings) {
    const reason = closedReason(story, settings);
    return {
      id: story.id,
      title: story.title,
      url: story.url,
      closed: reason !== null,
      commentCount: story.commentCount,
      closedMessage: reason,
    };
  }

  function announce(
    site: Site,
    story: Story,
    change: 'created' | 'edited' | 'removed',
    c: Comment,
    v: CommentView | null,
  ) {
    deps.bus.publish({
      type: 'comment.changed',
      siteId: site.id,
      storyId: story.id,
      storyUrl: story.url,
      change,
      commentId: c.id,
      comment: v,
    });
  }

  async function loadOwn(site: Site, user: User, id: string): Promise<{ comment: Comment; story: Story }> {
    const comment = await comments.get(id);
    if (!comment || comment.siteId !== site.id) throw new AppError(E.COMMENT_NOT_FOUND);
    const story = await stories.get(comment.storyId);
    if (!story) throw new AppError(E.STORY_NOT_FOUND);
    if (comment.authorId !== user.id) throw new AppError(E.NOT_YOUR_COMMENT);
    return { comment, story };
  }

  function refusal(result: ModerationResult): AppError {
    return new AppError(
      E.COMMENT_REFUSED,
      result.reasons.map((r) => r.message).join(' ') || E.COMMENT_REFUSED.message,
      { reasons: result.reasons, nudge: result.nudge, checks: result.checks },
    );
  }

  return {
    closedReason,

    /** The story of one of Parley's own articles, made on first need. */
    async storyForArticle(
      site: Site,
      article: { id: string; headline: string; publishedAt: string },
      url: string,
    ): Promise<Story> {
      return (
        (await stories.getByKey(site.id, `article:${article.id}`)) ??
        stories.ensure({
          id: newId(),
          siteId: site.id,
          key: `article:${article.id}`,
          articleId: article.id,
          url,
          title: article.headline,
          openedAt: article.publishedAt,
          createdAt: iso(),
        })
      );
    },

    /** The story of a page on another site, keyed by its own id, or by its normalised URL. */
    async storyForEmbed(
      site: Site,
      input: { storyId?: string | undefined; url: string; title?: string | undefined },
    ): Promise<Story> {
      const normal = normaliseStoryUrl(input.url);
      if (!normal) throw new AppError(E.STORY_URL_INVALID);
      const key = input.storyId ? `ext:${input.storyId}` : `url:${normal}`;
      return (
        (await stories.getByKey(site.id, key)) ??
        stories.ensure({
          id: newId(),
          siteId: site.id,
          key,
          articleId: null,
          url: input.url,
          title: (input.title ?? normal).slice(0, 300),
          openedAt: iso(),
          createdAt: iso(),
        })
      );
    },

    async thread(
      site: Site,
      story: Story,
      q: { sort: Sort; cursor?: string; limit: number; viewer: User | null; featured?: boolean },
    ): Promise<ThreadPage> {
      const settings = await stories.getSettings(site.id);
      const cursor = decodeCursor(q.cursor);
      const top = await comments.listTop({
        storyId: story.id,
        sort: q.sort,
        ...(cursor ? { cursor } : {}),
        limit: q.limit + 1,
        viewerId: q.viewer?.id ?? null,
        featuredOnly: q.featured ?? false,
      });
      const page = top.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        story: storyInfo(story, settings),
        comments: await buildThreads(page, story, settings, q.viewer?.id ?? null),
        nextCursor: top.length > q.limit && last ? encodeCursor(cursorOf(last, q.sort)) : null,
      };
    },

    /** "Show more replies" under one comment. */
    async replies(
      site: Site,
      parentId: string,
      q: { cursor?: string; limit: number; viewer: User | null },
    ): Promise<{ comments: CommentView[]; nextCursor: string | null }> {
      const parent = await comments.get(parentId);
      if (!parent || parent.siteId !== site.id) throw new AppError(E.COMMENT_NOT_FOUND);
      const story = await stories.get(parent.storyId);
      if (!story) throw new AppError(E.STORY_NOT_FOUND);
      const cursor = decodeCursor(q.cursor);
      const list = await comments.listReplies({
        displayParentId: parentId,
        ...(cursor ? { cursor } : {}),
        limit: q.limit + 1,
        viewerId: q.viewer?.id ?? null,
      });
      const page = list.slice(0, q.limit);
      const settings = await stories.getSettings(site.id);
      const viewerId = q.viewer?.id ?? null;
      const [mineReacted, storyAuthors] = await Promise.all([
        viewerId
          ? comments.reactedBy(
              viewerId,
              page.map((c) => c.id),
            )
          : Promise.resolve(new Set<string>()),
        authorsOfStory(story),
      ]);
      const names = new Map<string, string>([[parent.id, parent.authorName]]);
      for (const p of await comments.getMany(
        page.filter((c) => c.parentId && !names.has(c.parentId)).map((c) => c.parentId!),
      ))
        names.set(p.id, p.authorName);
      const counts = await comments.countReplies(
        page.map((c) => c.id),
        viewerId,
      );
      const views = page.map((c) => ({
        ...view(c, { viewerId, mineReacted, storyAuthors, names, settings }),
        moreReplies: counts.get(c.id) ?? 0,
      }));
      const last = page[page.length - 1];
      return {
        comments: views,
        nextCursor: list.length > q.limit && last ? encodeCursor(cursorOf(last, 'oldest')) : null,
      };
    },

    /** The whole thread that holds a comment, with the way down to it opened: for permalinks. */
    async context(
      site: Site,
      commentId: string,
      viewer: User | null,
    ): Promise<{ story: Story; thread: CommentView; path: string[] }> {
      const target = await comments.get(commentId);
      if (!target || target.siteId !== site.id) throw new AppError(E.COMMENT_NOT_FOUND);
      const story = await stories.get(target.storyId);
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
      const settings = await stories.getSettings(site.id);
      const [thread] = await buildThreads([root], story, settings, viewer?.id ?? null, new Set(path));
      if (!thread) throw new AppError(E.COMMENT_NOT_FOUND);
      return { story, thread, path };
    },

    async post(
      site: Site,
      user: User,
      input: {
        storyId: string;
        parentId?: string | null | undefined;
        body: string;
        idempotencyKey?: string | undefined;
        sendAnyway?: boolean | undefined;
      },
    ): Promise<{
      comment: CommentView;
      duplicate: boolean;
      moderation: Pick<ModerationResult, 'decision' | 'reasons'>;
    }> {
      const block = postingBlock(user, deps.now());
      if (block) throw block;
      if (user.email && !user.emailVerified) throw new AppError(E.EMAIL_NOT_VERIFIED);
      const story = await stories.getForPosting(input.storyId);
      if (!story || story.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
      const settings = await stories.getSettings(site.id);
      const closed = closedReason(story, settings);
      if (closed) throw new AppError(E.STORY_CLOSED, closed);
      const source = input.body.replace(/\r\n?/g, '\n').trim();
      if (!source) throw new AppError(E.COMMENT_EMPTY);
      if ([...source].length > settings.maxLength)
        throw new AppError(
          E.COMMENT_TOO_LONG,
          `Comments can be up to ${settings.maxLength} characters; this one has ${[...source].length}.`,
          { maxLength: settings.maxLength },
        );

      const ctx = {
        viewerId: user.id,
        mineReacted: new Set<string>(),
        storyAuthors: await authorsOfStory(story),
        names: new Map<string, string>(),
        settings,
      };
      const contentHash = fingerprint(source);
      // Empty and null both mean top-level (validation may coerce null to "").
      const parentId = input.parentId || null;
      // Slow connections resubmit: the same words again soon are the same comment.
      if (input.idempotencyKey) {
        const earlier = await comments.findByIdempotencyKey(user.id, input.idempotencyKey);
        if (earlier)
          return {
            comment: view(earlier, ctx),
            duplicate: true,
            moderation: {
              decision: earlier.status === 'published' ? 'publish' : earlier.status === 'pending' ? 'hold' : 'refuse',
              reasons: [],
            },
          };
      }
      const since = new Date(deps.now().getTime() - DUPLICATE_WINDOW_MS).toISOString();
      const duplicate = await comments.findRecentDuplicate({
        authorId: user.id,
        storyId: story.id,
        parentId,
        contentHash,
        since,
      });
      if (duplicate)
        return {
          comment: view(duplicate, ctx),
          duplicate: true,
          moderation: {
            decision: duplicate.status === 'published' ? 'publish' : duplicate.status === 'pending' ? 'hold' : 'refuse',
            reasons: [],
          },
        };

      if (writes.hit(user.id) > 0) throw new AppError(E.COMMENT_RATE_LIMITED);

      let parent: Comment | undefined;
      if (parentId) {
        parent = await comments.get(parentId);
        if (!parent || parent.storyId !== story.id || (parent.status !== 'published' && parent.authorId !== user.id))
          throw new AppError(E.PARENT_NOT_FOUND);
        ctx.names.set(parent.id, parent.authorName);
      }

      // Rendered once: the checks read the text of the very HTML that would be published.
      const bodyHtml = renderComment(source);
      const text = htmlToText(bodyHtml);
      const result = await deps.pipeline.moderate({
        siteId: site.id,
        storyId: story.id,
        authorId: user.id,
        text,
        source,
        parentId,
        author: authorFacts(user),
        maxChars: settings.maxLength,
      });
      let decision = result.decision;
      if (decision === 'refuse' && result.nudge) {
        // A fixable refusal is a question to the author first; "send anyway" goes to a moderator.
        if (!input.sendAnyway) throw refusal(result);
        decision = 'hold';
      }
      const status = decision === 'publish' ? 'published' : decision === 'hold' ? 'pending' : 'rejected';
      const reason =
        status === 'published'
          ? null
          : result.reasons.map((r) => r.message).join(' ') ||
            (status === 'pending' ? 'Waiting for a moderator.' : 'Not published.');
      const depth = parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0;
      const comment: Comment = {
        id: newId(),
        siteId: site.id,
        storyId: story.id,
        parentId,
        displayParentId: parent ? (parent.depth >= MAX_DEPTH ? parent.displayParentId : parent.id) : null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth,
        authorId: user.id,
        authorName: user.displayName,
        authorBadges: user.badges,
        authorRole: user.role,
        body: source,
        bodyHtml,
        status,
        statusReason: reason,
        moderation: JSON.stringify({
          decision: result.decision,
          sentAnyway: Boolean(input.sendAnyway && result.nudge),
          checks: result.checks,
          reasons: result.reasons,
          policyVersion: result.policyVersion,
        }),
        featured: false,
        reactionCount: 0,
        replyCount: 0,
        contentHash,
        createdAt: iso(),
        editedAt: null,
      };
      try {
        await comments.insert({ ...comment, idempotencyKey: input.idempotencyKey ?? null });
      } catch (err) {
        // Two submissions with one key racing: the first one stored wins.
        const earlier = input.idempotencyKey
          ? await comments.findByIdempotencyKey(user.id, input.idempotencyKey)
          : undefined;
        if (earlier)
          return {
            comment: view(earlier, ctx),
            duplicate: true,
            moderation: { decision: result.decision, reasons: result.reasons },
          };
        throw err;
      }
      const v = view(comment, ctx);
      if (status === 'pending')
        deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId: comment.id, change: 'queued' });
      if (status === 'published') {
        announce(site, story, 'created', comment, { ...v, mine: false, editableUntil: null, statusReason: null });
        if (deps.onPublished)
          setImmediate(() => void deps.onPublished!(site, story, comment).catch((err) => deps.onError?.(err)));
      }
      return { comment: v, duplicate: false, moderation: { decision, reasons: result.reasons } };
    },

    async edit(site: Site, user: User, id: string, body: string): Promise<CommentView> {
      const { comment, story } = await loadOwn(site, user, id);
      if (comment.status === 'deleted') throw new AppError(E.COMMENT_DELETED);
      const settings = await stories.getSettings(site.id);
      if (deps.now().getTime() > new Date(comment.createdAt).getTime() + settings.editWindowSeconds * 1000)
        throw new AppError(
          E.EDIT_WINDOW_CLOSED,
          `Comments can be edited for ${Math.round(settings.editWindowSeconds / 60)} minutes after posting.`,
        );
      const source = body.replace(/\r\n?/g, '\n').trim();
      if (!source) throw new AppError(E.COMMENT_EMPTY);
      if ([...source].length > settings.maxLength)
        throw new AppError(E.COMMENT_TOO_LONG, `Comments can be up to ${settings.maxLength} characters.`);
      // An edit is checked like a new comment: approval is not a licence to rewrite.
      const bodyHtml = renderComment(source);
      const result = await deps.pipeline.moderate({
        siteId: site.id,
        storyId: story.id,
        authorId: user.id,
        text: htmlToText(bodyHtml),
        source,
        parentId: comment.parentId,
        author: authorFacts(user),
        commentId: comment.id,
        maxChars: settings.maxLength,
      });
      if (result.decision === 'refuse') throw refusal(result);
      const edited: Comment = { ...comment, body: source, bodyHtml, contentHash: fingerprint(source), editedAt: iso() };
      await comments.updateBody(id, comment.body, {
        body: edited.body,
        bodyHtml: edited.bodyHtml,
        contentHash: edited.contentHash,
        editedAt: edited.editedAt!,
        revisionId: newId(),
      });
      if (result.decision === 'hold' && comment.status === 'published') {
        await comments.setStatus(
          edited,
          'pending',
          result.reasons.map((r) => r.message).join(' ') || 'Waiting for a moderator.',
        );
        edited.status = 'pending';
      }
      const ctx = {
        viewerId: user.id,
        mineReacted: await comments.reactedBy(user.id, [id]),
        storyAuthors: await authorsOfStory(story),
        names: new Map<string, string>(),
        settings,
      };
      const v = view(edited, ctx);
      if (edited.status === 'published')
        announce(site, story, 'edited', edited, { ...v, mine: false, editableUntil: null, statusReason: null });
      else announce(site, story, 'removed', edited, null);
      return v;
    },

    /** The author removes a comment; a placeholder keeps the thread under it readable. */
    async remove(site: Site, user: User, id: string): Promise<void> {
      const { comment, story } = await loadOwn(site, user, id);
      if (comment.status === 'deleted') return;
      await comments.setStatus(comment, 'deleted', 'deleted by the author', { bodyHtml: '' });
      announce(site, story, 'removed', comment, null);
    },

    async react(site: Site, user: User, id: string, on: boolean): Promise<{ count: number; mine: boolean }> {
      const comment = await comments.get(id);
      if (!comment || comment.siteId !== site.id || comment.status !== 'published')
        throw new AppError(E.COMMENT_NOT_FOUND);
      if (comment.authorId === user.id) throw new AppError(E.CANNOT_REACT_OWN);
      const block = postingBlock(user, deps.now());
      if (block) throw block;
      const changed = await comments.react(id, user.id, on, iso());
      const count = comment.reactionCount + (changed ? (on ? 1 : -1) : 0);
      return { count, mine: on };
    },

    async report(site: Site, user: User, id: string, reason: ReportReason, note: string | null): Promise<void> {
      const comment = await comments.get(id);
      if (!comment || comment.siteId !== site.id || comment.status === 'deleted')
        throw new AppError(E.COMMENT_NOT_FOUND);
      if (
        !(await comments.report({
          commentId: id,
          userId: user.id,
          reason,
          note: note?.trim().slice(0, 500) || null,
          at: iso(),
        }))
      )
        throw new AppError(E.ALREADY_REPORTED);
      deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId: id, change: 'queued' });
    },

    async feature(site: Site, user: User, id: string, on: boolean): Promise<void> {
      if (!STAFF.has(user.role)) throw new AppError(E.STAFF_ONLY);
      const comment = await comments.get(id);
      if (!comment || comment.siteId !== site.id || comment.status !== 'published')
        throw new AppError(E.COMMENT_NOT_FOUND);
      await comments.setFeatured(id, on);
      const story = await stories.get(comment.storyId);
      if (story)
        deps.bus.publish({
          type: 'comment.changed',
          siteId: site.id,
          storyId: story.id,
          storyUrl: story.url,
          change: 'edited',
          commentId: id,
          comment: null,
        });
    },

    /** The comment's markdown, for fingerprints. */
    async sourceOf(id: string): Promise<string | undefined> {
      return (await comments.get(id))?.body;
    },

    /** A moderator changed a comment's status or feature: readers' open threads follow. */
    async announceDecision(site: Site, id: string, wasPublished: boolean): Promise<void> {
      const comment = await comments.get(id);
      const story = comment && (await stories.get(comment.storyId));
      if (!comment || !story) return;
      if (comment.status === 'published') {
        const settings = await stories.getSettings(site.id);
        const v = view(comment, {
          viewerId: null,
          mineReacted: new Set(),
          storyAuthors: await authorsOfStory(story),
          names: new Map(),
          settings,
        });
        announce(site, story, wasPublished ? 'edited' : 'created', comment, {
          ...v,
          mine: false,
          editableUntil: null,
          statusReason: null,
        });
        if (!wasPublished && deps.onPublished)
          setImmediate(() => void deps.onPublished!(site, story, comment).catch((err) => deps.onError?.(err)));
      } else if (wasPublished) announce(site, story, 'removed', comment, null);
    },

    async setStoryClosed(site: Site, user: User, storyId: string, closed: boolean): Promise<void> {
      if (!STAFF.has(user.role)) throw new AppError(E.STAFF_ONLY);
      const story = await stories.get(storyId);
      if (!story || story.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
      await stories.setClosed(storyId, closed);
      deps.bus.publish({ type: 'content.changed', siteId: site.id });
    },

    async mine(user: User, q: { cursor?: string; limit: number }) {
      const cursor = decodeCursor(q.cursor);
      const list = await comments.listByAuthor(user.id, cursor, q.limit + 1);
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
    },
  };
}

export type CommentsUsecases = ReturnType<typeof createCommentsUsecases>;
