import { postingBlock } from '../accounts/sanctions.ts';
import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { ReportReason } from '../storage/schema.ts';
import { STAFF } from './comment-view.ts';
import { commentErrors as E } from './comments.errors.ts';

// What readers do with others' comments (react, report) and staff with
// anyone's (feature).

export async function reactToComment(
  deps: Pick<Services, 'commentsRepository' | 'storiesRepository' | 'bus' | 'now'>,
  input: { site: Site; user: User; commentId: string; on: boolean },
): Promise<{ count: number; mine: boolean }> {
  const { user, commentId: id, on } = input;
  const comment = await deps.commentsRepository.get(id);
  if (!comment || comment.siteId !== input.site.id || comment.status !== 'published')
    throw new AppError(E.COMMENT_NOT_FOUND);
  if (comment.authorId === user.id) throw new AppError(E.CANNOT_REACT_OWN);
  const block = postingBlock(user, deps.now());
  if (block) throw block;
  const changed = await deps.commentsRepository.react(id, user.id, on, deps.now().toISOString());
  const count = comment.reactionCount + (changed ? (on ? 1 : -1) : 0);
  const story = changed ? await deps.storiesRepository.get(comment.storyId) : undefined;
  // open threads show the new count live
  if (story)
    deps.bus.publish({
      type: 'comment.changed',
      siteId: input.site.id,
      storyId: story.id,
      storyUrl: story.url,
      change: 'reacted',
      commentId: id,
      comment: null,
      reactionCount: count,
    });
  return { count, mine: on };
}

/** One report per reader and comment; it puts the comment in the moderators' queue. */
export async function reportComment(
  deps: Pick<Services, 'commentsRepository' | 'bus' | 'now'>,
  input: { site: Site; user: User; commentId: string; reason: ReportReason; note: string | null },
): Promise<void> {
  const { site, commentId: id } = input;
  const comment = await deps.commentsRepository.get(id);
  if (!comment || comment.siteId !== site.id || comment.status === 'deleted') throw new AppError(E.COMMENT_NOT_FOUND);
  const reported = await deps.commentsRepository.report({
    commentId: id,
    userId: input.user.id,
    reason: input.reason,
    note: input.note?.trim().slice(0, 500) || null,
    at: deps.now().toISOString(),
  });
  if (!reported) throw new AppError(E.ALREADY_REPORTED);
  deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId: id, change: 'queued' });
}

export async function featureComment(
  deps: Pick<Services, 'commentsRepository' | 'storiesRepository' | 'bus'>,
  input: { site: Site; user: User; commentId: string; on: boolean },
): Promise<void> {
  const { site, commentId: id } = input;
  if (!STAFF.has(input.user.role)) throw new AppError(E.STAFF_ONLY);
  const comment = await deps.commentsRepository.get(id);
  if (!comment || comment.siteId !== site.id || comment.status !== 'published') throw new AppError(E.COMMENT_NOT_FOUND);
  await deps.commentsRepository.setFeatured(id, input.on);
  const story = await deps.storiesRepository.get(comment.storyId);
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
}
