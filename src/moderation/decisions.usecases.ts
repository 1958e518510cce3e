import type { User } from '../accounts/users.repository.ts';
import { announceDecision, commentSource } from '../comments/live.usecases.ts';
import { htmlToText } from '../comments/markdown.ts';
import type { Services } from '../core/services.ts';
import { commentActivity, publishActivity } from '../events/activity.ts';
import { markSpam } from '../guidelines/guidelines.usecases.ts';
import { recordDecisionExample } from '../guidelines/learning.usecases.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { recordAction } from './audit.usecases.ts';
import {
  conflict,
  type Decision,
  type NextState,
  nextState,
  restored,
  type StateAfter,
  stateOf,
  undoable,
} from './decisions.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import type { QueueItem } from './queues.ts';
import { loadItem } from './queues.usecases.ts';

// Moderators' decisions on comments: one, many, and undo. Each is conditional
// on the version the moderator saw (409 when someone decided first), told to
// readers' open threads and to the other moderators, and in the audit log.

/** Readers' open threads follow a decision: what comments/ needs to tell them. */
export type ApplyDeps = Pick<Services, 'commentDecisionsRepository'> & Parameters<typeof announceDecision>[0];
export type DecisionDeps = ApplyDeps &
  Pick<
    Services,
    'moderationRepository' | 'usersRepository' | 'guidelinesRepository' | 'policyCache' | 'learningRepository'
  >;

/** Applies a state to a comment if it is still at the version seen; announces the change to readers and moderators. */
export async function applyState(
  deps: ApplyDeps,
  a: { site: Site; actor: User; item: QueueItem; next: NextState },
): Promise<boolean> {
  const { site, actor, item: c, next } = a;
  const ok = await deps.commentDecisionsRepository.decide({
    id: c.id,
    version: c.version,
    status: next.status,
    statusReason: next.statusReason,
    featured: next.featured,
    refusalCode: next.refusalCode ?? null,
    by: actor.displayName,
    at: deps.now().toISOString(),
  });
  if (!ok) return false;
  await announceDecision(deps, { site, commentId: c.id, wasPublished: c.status === 'published' });
  const became = { published: 'comment.published', rejected: 'comment.refused', deleted: 'comment.deleted' } as const;
  if (next.status !== c.status && next.status in became)
    publishActivity(deps, site.id, became[next.status as keyof typeof became], {
      ...commentActivity({ ...c, status: next.status }, { url: c.storyUrl }),
      by: actor.displayName,
    });
  deps.bus.publish({
    type: 'moderation.changed',
    siteId: site.id,
    commentId: c.id,
    change: 'decided',
    by: { id: actor.id, name: actor.displayName },
  });
  return true;
}

/** One decision; 409 with the current state when someone decided first. */
export async function decideComment(
  deps: DecisionDeps,
  input: { site: Site; actor: User; id: string; decision: Decision },
): Promise<{ item: QueueItem; auditId: string }> {
  const { site, actor, id, decision: d } = input;
  const c = await loadItem(deps, site, id);
  if (c.version !== d.version) throw conflict(c);
  const next = nextState(c, d);
  if (!(await applyState(deps, { site, actor, item: c, next }))) throw conflict(await loadItem(deps, site, id));
  if (d.action === 'approve_trust' && c.authorId) await deps.usersRepository.update(c.authorId, { trusted: true });
  // What the moderator decided about abuse teaches the site's own model (parley guidelines train).
  await recordDecisionExample(deps, {
    siteId: site.id,
    commentId: c.id,
    text: htmlToText(c.bodyHtml),
    facts: { status: c.status, appealed: Boolean(c.appeal), action: d.action, reason: d.reason },
    by: actor.displayName,
  });
  // Refused as spam: the same text again is held on this site.
  if (d.action === 'refuse' && d.reason === 'spam')
    await markSpam(deps, { siteId: site.id, text: (await commentSource(deps, id)) ?? '' });
  const after: StateAfter = {
    ...next,
    version: c.version + 1,
    ...(d.action === 'approve_trust' ? { trustedAuthor: c.authorId } : {}),
  };
  const auditId = await recordAction(deps, {
    site,
    actor,
    action: d.action,
    targetType: 'comment',
    targetId: id,
    before: stateOf(c),
    after,
  });
  return { item: await loadItem(deps, site, id), auditId };
}

/** The same decision on many comments; each one succeeds or reports its conflict. */
export async function decideMany(
  deps: DecisionDeps,
  input: { site: Site; actor: User; items: { id: string; version: number }[]; decision: Omit<Decision, 'version'> },
) {
  const results: { id: string; ok: boolean; auditId?: string; error?: string }[] = [];
  for (const it of input.items) {
    try {
      const decision = { ...input.decision, version: it.version };
      const r = await decideComment(deps, { site: input.site, actor: input.actor, id: it.id, decision });
      results.push({ id: it.id, ok: true, auditId: r.auditId });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: it.id, ok: false, error: err.code });
    }
  }
  return { results };
}

/** Undoes a decision, once, if nothing has changed the comment since. */
export async function undoDecision(
  deps: DecisionDeps,
  input: { site: Site; actor: User; auditId: string },
): Promise<{ item: QueueItem }> {
  const { site, actor, auditId } = input;
  const { entry, before, after } = undoable(await deps.moderationRepository.auditEntry(site.id, auditId));
  const c = await loadItem(deps, site, entry.target_id);
  if (c.version !== after.version) throw new AppError(E.NOTHING_TO_UNDO);
  if (!(await applyState(deps, { site, actor, item: c, next: restored(before) })))
    throw new AppError(E.NOTHING_TO_UNDO);
  if (after.trustedAuthor) await deps.usersRepository.update(after.trustedAuthor, { trusted: false });
  const undoId = await recordAction(deps, {
    site,
    actor,
    action: 'undo',
    targetType: 'comment',
    targetId: c.id,
    before: stateOf(c),
    after: { ...before, version: c.version + 1, undid: auditId },
  });
  await deps.moderationRepository.markUndone(auditId, undoId);
  return { item: await loadItem(deps, site, c.id) };
}
