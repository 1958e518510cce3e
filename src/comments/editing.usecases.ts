import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { commentActivity, publishActivity } from '../events/activity.ts';
import { AppError } from '../shared/errors.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { Comment } from './comment-rows.repository.ts';
import { type CommentView, commentView, publicView } from './comment-view.ts';
import { commentErrors as E } from './comments.errors.ts';
import { announceComment } from './live.usecases.ts';
import { htmlToText, renderComment } from './markdown.ts';
import { authorFacts, checkEditedBody, checkEditWindow, refusal } from './rules.ts';
import type { Story } from './stories.repository.ts';
import { authorsOfStory } from './stories.usecases.ts';

// The author changes their mind: an edit within the edit window, checked like
// a new comment, or a deletion that leaves a placeholder for the replies.

type OwnDeps = Pick<Services, 'commentsRepository' | 'storiesRepository'>;

async function loadOwn(deps: OwnDeps, site: Site, user: User, id: string): Promise<{ comment: Comment; story: Story }> {
  const comment = await deps.commentsRepository.get(id);
  if (!comment || comment.siteId !== site.id) throw new AppError(E.COMMENT_NOT_FOUND);
  const story = await deps.storiesRepository.get(comment.storyId);
  if (!story) throw new AppError(E.STORY_NOT_FOUND);
  if (comment.authorId !== user.id) throw new AppError(E.NOT_YOUR_COMMENT);
  return { comment, story };
}

export async function editComment(
  deps: OwnDeps & Pick<Services, 'guidelines' | 'bus' | 'now'>,
  input: { site: Site; user: User; commentId: string; body: string },
): Promise<CommentView> {
  const { site, user, commentId: id } = input;
  const { comment, story } = await loadOwn(deps, site, user, id);
  if (comment.status === 'deleted') throw new AppError(E.COMMENT_DELETED);
  const settings = await deps.storiesRepository.getSettings(site.id);
  checkEditWindow(comment, settings, deps.now());
  const source = checkEditedBody(input.body, settings);
  // An edit is checked like a new comment: approval is not a licence to rewrite.
  const bodyHtml = renderComment(source);
  const plain = htmlToText(bodyHtml);
  const result = await deps.guidelines.moderate({
    siteId: site.id,
    storyId: story.id,
    authorId: user.id,
    text: plain,
    source,
    parentId: comment.parentId,
    author: authorFacts(user),
    commentId: comment.id,
    maxChars: settings.maxLength,
  });
  if (result.decision === 'refuse') throw refusal(result, { plain, source });
  const editedAt = deps.now().toISOString();
  const edited: Comment = { ...comment, body: source, bodyHtml, contentHash: fingerprint(source), editedAt };
  await deps.commentsRepository.updateBody(id, comment.body, {
    body: edited.body,
    bodyHtml: edited.bodyHtml,
    contentHash: edited.contentHash,
    editedAt,
    revisionId: newId(),
  });
  if (result.decision === 'hold' && comment.status === 'published') {
    await deps.commentsRepository.setStatus(
      edited,
      'pending',
      result.reasons.map((r) => r.message).join(' ') || 'Waiting for a moderator.',
    );
    edited.status = 'pending';
  }
  const v = commentView(edited, {
    viewerId: user.id,
    mineReacted: await deps.commentsRepository.reactedBy(user.id, [id]),
    storyAuthors: await authorsOfStory(deps, story),
    names: new Map<string, string>(),
    settings,
    now: deps.now().toISOString(),
  });
  publishActivity(deps, site.id, 'comment.edited', commentActivity(edited, story));
  if (edited.status === 'published')
    announceComment(deps, { site, story, change: 'edited', comment: edited, view: publicView(v) });
  else announceComment(deps, { site, story, change: 'removed', comment: edited, view: null });
  return v;
}

/** The author removes a comment; a placeholder keeps the thread under it readable. */
export async function deleteComment(
  deps: OwnDeps & Pick<Services, 'bus' | 'now'>,
  input: { site: Site; user: User; commentId: string },
): Promise<void> {
  const { comment, story } = await loadOwn(deps, input.site, input.user, input.commentId);
  if (comment.status === 'deleted') return;
  await deps.commentsRepository.setStatus(comment, 'deleted', 'deleted by the author', { bodyHtml: '' });
  announceComment(deps, { site: input.site, story, change: 'removed', comment, view: null });
  publishActivity(deps, input.site.id, 'comment.deleted', commentActivity({ ...comment, status: 'deleted' }, story));
}
