import type { Services } from '../core/services.ts';
import { notifyCommentPublished } from '../notifications/notifications.usecases.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { Comment } from './comment-rows.repository.ts';
import { type CommentView, commentView, publicView } from './comment-view.ts';
import type { Story } from './stories.repository.ts';
import { authorsOfStory } from './stories.usecases.ts';

// Live events: readers' open threads hear of new, edited and removed comments
// on the bus; once a comment is published, the people it concerns are told.

export type AfterPublishDeps = Pick<
  Services,
  'commentsRepository' | 'notificationsRepository' | 'usersRepository' | 'mailer' | 'now' | 'log' | 'bus' | 'background'
>;

export function announceComment(
  deps: Pick<Services, 'bus'>,
  e: { site: Site; story: Story; change: 'created' | 'edited' | 'removed'; comment: Comment; view: CommentView | null },
): void {
  deps.bus.publish({
    type: 'comment.changed',
    siteId: e.site.id,
    storyId: e.story.id,
    storyUrl: e.story.url,
    change: e.change,
    commentId: e.comment.id,
    comment: e.view,
  });
}

/**
 * Notifications run after the answer: they never delay it, and their failure is only logged.
 * A shutdown waits for them (deps.background) before it closes the database.
 */
export function afterPublished(deps: AfterPublishDeps, e: { site: Site; story: Story; comment: Comment }): void {
  void deps.background.track(
    new Promise<void>((r) => setImmediate(r))
      .then(() => notifyCommentPublished(deps, e))
      .then((notified) => {
        // the bells of the readers on the story ask again
        if (notified > 0) deps.bus.publish({ type: 'notifications.changed', siteId: e.site.id, storyId: e.story.id });
      })
      .catch((err: unknown) => deps.log.error({ err }, 'after-publish work failed')),
  );
}

/** A moderator changed a comment's status or feature: readers' open threads follow. */
export async function announceDecision(
  deps: Pick<Services, 'storiesRepository' | 'bus'> & AfterPublishDeps,
  input: { site: Site; commentId: string; wasPublished: boolean },
): Promise<void> {
  const { site, wasPublished } = input;
  const comment = await deps.commentsRepository.get(input.commentId);
  const story = comment && (await deps.storiesRepository.get(comment.storyId));
  if (!comment || !story) return;
  if (comment.status === 'published') {
    const v = commentView(comment, {
      viewerId: null,
      mineReacted: new Set(),
      storyAuthors: await authorsOfStory(deps, story),
      names: new Map(),
      settings: await deps.storiesRepository.getSettings(site.id),
      now: deps.now().toISOString(),
    });
    announceComment(deps, { site, story, change: wasPublished ? 'edited' : 'created', comment, view: publicView(v) });
    if (!wasPublished) afterPublished(deps, { site, story, comment });
  } else if (wasPublished) announceComment(deps, { site, story, change: 'removed', comment, view: null });
}

/** The comment's markdown, for the spam fingerprints. */
export async function commentSource(
  deps: Pick<Services, 'commentsRepository'>,
  commentId: string,
): Promise<string | undefined> {
  return (await deps.commentsRepository.get(commentId))?.body;
}
