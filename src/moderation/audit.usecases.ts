import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { AuditLogTable } from '../storage/schema.ts';

// Every moderator's action goes in the audit log with the state before and
// after, so that it can be read and undone.

export interface Action {
  site: Site;
  actor: User;
  action: string;
  targetType: 'comment' | 'user';
  targetId: string;
  before: unknown;
  after: unknown;
}

/** Records an action; its id is what undo names. */
export async function recordAction(deps: Pick<Services, 'moderationRepository' | 'now'>, a: Action): Promise<string> {
  const id = newId();
  await deps.moderationRepository.audit({
    id,
    site_id: a.site.id,
    actor_id: a.actor.id,
    actor_name: a.actor.displayName,
    action: a.action,
    target_type: a.targetType,
    target_id: a.targetId,
    before: a.before === undefined ? null : JSON.stringify(a.before),
    after: a.after === undefined ? null : JSON.stringify(a.after),
    undone_by: null,
    created_at: deps.now().toISOString(),
  });
  return id;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The site's log, newest first; of one comment or reader with `targetId`. */
export function readAuditLog(
  deps: Pick<Services, 'moderationRepository'>,
  site: Site,
  q: { before?: string; targetId?: string; limit: number },
): Promise<AuditLogTable[]> {
  // a time, or PostgreSQL refuses the comparison (a 500)
  if (q.before !== undefined && !(ISO_TIME.test(q.before) && !Number.isNaN(Date.parse(q.before))))
    return Promise.reject(new AppError(commonErrors.VALIDATION_FAILED, 'before: a time (ISO 8601) is expected.'));
  return deps.moderationRepository.auditLog(site.id, q);
}
