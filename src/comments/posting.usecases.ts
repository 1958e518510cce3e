import { postingBlock } from '../accounts/sanctions.ts';
import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { commentActivity, publishActivity } from '../events/activity.ts';
import { type Highlight, highlightsOf } from '../guidelines/highlights.ts';
import { decisionOf, type ModerationResult } from '../guidelines/pipeline.ts';
import { AppError } from '../shared/errors.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { Comment } from './comment-rows.repository.ts';
import { type CommentView, commentView, placeReply, publicView, type ViewContext } from './comment-view.ts';
import { commentErrors as E } from './comments.errors.ts';
import { type AfterPublishDeps, afterPublished, announceComment } from './live.usecases.ts';
import { htmlToText, renderComment } from './markdown.ts';
import { authorFacts, checkNewBody, closedReason, DUPLICATE_WINDOW_MS, newCommentStatus } from './rules.ts';
import { authorsOfStory } from './stories.usecases.ts';

// Posting a comment or a reply. A retry is never a second comment: the same
// Idempotency-Key, or the same words under the same parent within a minute,
// answer with the comment already there.

export type PostingDeps = Pick<Services, 'storiesRepository' | 'guidelines' | 'bus' | 'commentsRateLimiter'> &
  AfterPublishDeps;

export interface PostInput {
  site: Site;
  user: User;
  storyId: string;
  parentId?: string | null | undefined;
  body: string;
  idempotencyKey?: string | undefined;
  sendAnyway?: boolean | undefined;
}

export interface PostResult {
  comment: CommentView;
  duplicate: boolean;
  moderation: Pick<ModerationResult, 'decision' | 'reasons'> & { highlights: Highlight[] };
}

const again = (c: Comment, ctx: ViewContext): PostResult => ({
  comment: commentView(c, ctx),
  duplicate: true,
  moderation: { decision: decisionOf(c.status), reasons: [], highlights: [] },
});

export async function postComment(deps: PostingDeps, input: PostInput): Promise<PostResult> {
  const { site, user } = input;
  const { commentsRepository: comments, storiesRepository: stories } = deps;
  const now = deps.now();
  const block = postingBlock(user, now);
  if (block) throw block;
  if (user.email && !user.emailVerified) throw new AppError(E.EMAIL_NOT_VERIFIED);
  const story = await stories.getForPosting(input.storyId);
  if (!story || story.siteId !== site.id) throw new AppError(E.STORY_NOT_FOUND);
  const settings = await stories.getSettings(site.id);
  const closed = closedReason(story, settings, now);
  if (closed) throw new AppError(E.STORY_CLOSED, closed);
  const source = checkNewBody(input.body, settings);

  const ctx: ViewContext = {
    viewerId: user.id,
    mineReacted: new Set<string>(),
    storyAuthors: await authorsOfStory(deps, story),
    names: new Map<string, string>(),
    settings,
    now: now.toISOString(),
  };
  const contentHash = fingerprint(source);
  // Empty and null both mean top-level (validation may coerce null to "").
  const parentId = input.parentId || null;
  if (input.idempotencyKey) {
    const earlier = await comments.findByIdempotencyKey(user.id, input.idempotencyKey);
    if (earlier) return again(earlier, ctx);
  }
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const duplicate = await comments.findRecentDuplicate({
    authorId: user.id,
    storyId: story.id,
    parentId,
    contentHash,
    since,
  });
  if (duplicate) return again(duplicate, ctx);

  if ((await deps.commentsRateLimiter.hit(user.id)) > 0) throw new AppError(E.COMMENT_RATE_LIMITED);

  let parent: Comment | undefined;
  if (parentId) {
    parent = await comments.get(parentId);
    if (!parent || parent.storyId !== story.id || (parent.status !== 'published' && parent.authorId !== user.id))
      throw new AppError(E.PARENT_NOT_FOUND);
    ctx.names.set(parent.id, parent.authorName);
  }

  // Rendered once: the checks read the text of the very HTML that would be published.
  const bodyHtml = renderComment(source);
  const plain = htmlToText(bodyHtml);
  const result = await deps.guidelines.moderate({
    siteId: site.id,
    storyId: story.id,
    authorId: user.id,
    text: plain,
    source,
    parentId,
    author: authorFacts(user),
    maxChars: settings.maxLength,
  });
  const { decision, status, reason } = newCommentStatus(result, Boolean(input.sendAnyway), { plain, source });
  // a held comment's author sees the words, and may still edit them; its moderators see them too
  const highlights = status === 'published' ? [] : highlightsOf(result, plain, source);
  const comment: Comment = {
    id: newId(),
    siteId: site.id,
    storyId: story.id,
    parentId,
    ...placeReply(parent),
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
      ...(highlights.length ? { highlights } : {}),
    }),
    featured: false,
    reactionCount: 0,
    replyCount: 0,
    contentHash,
    createdAt: deps.now().toISOString(),
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
        comment: commentView(earlier, ctx),
        duplicate: true,
        moderation: { decision: result.decision, reasons: result.reasons, highlights: [] },
      };
    throw err;
  }
  const v = commentView(comment, ctx);
  publishActivity(deps, site.id, 'comment.created', commentActivity(comment, story));
  if (status !== 'pending')
    publishActivity(
      deps,
      site.id,
      `comment.${status === 'published' ? 'published' : 'refused'}`,
      commentActivity(comment, story),
    );
  if (status === 'pending')
    deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId: comment.id, change: 'queued' });
  if (status === 'published') {
    announceComment(deps, { site, story, change: 'created', comment, view: publicView(v) });
    afterPublished(deps, { site, story, comment });
  }
  return { comment: v, duplicate: false, moderation: { decision, reasons: result.reasons, highlights } };
}
