import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { moderationErrors as E } from './moderation.errors.ts';

/** The author of a refused comment asks, once, for another look: it goes to the appeals queue. */
export async function appealComment(
  deps: Pick<Services, 'moderationRepository' | 'commentDecisionsRepository' | 'bus' | 'now'>,
  input: { site: Site; user: User; commentId: string; text: string },
): Promise<void> {
  const { site, commentId } = input;
  const c = await deps.moderationRepository.item(site.id, commentId);
  if (!c || c.authorId !== input.user.id) throw new AppError(E.COMMENT_NOT_FOUND);
  const appealed = await deps.commentDecisionsRepository.appeal(
    commentId,
    input.text.trim().slice(0, 1000),
    deps.now().toISOString(),
  );
  if (!appealed) throw new AppError(E.APPEAL_NOT_ALLOWED);
  deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId, change: 'queued' });
}
