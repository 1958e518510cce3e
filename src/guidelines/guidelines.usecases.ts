import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { guidelinesErrors as E } from './guidelines.errors.ts';
import type { StoredPolicy } from './guidelines.repository.ts';
import { createGuidelines } from './guidelines.ts';
import { siteModel } from './learning.usecases.ts';
import { defaultPolicy, type Policy, type PolicyChanges, withChanges } from './policy.ts';
import { replayDecisions } from './replay.ts';

// A site's policy: read, saved as versions, tried on past comments; and the
// texts moderators mark as spam.

export interface PolicyView {
  version: number;
  name: string;
  policy: Policy;
  createdAt: string | null;
  createdBy: string | null;
}

export async function readPolicy(deps: Pick<Services, 'policyCache'>, siteId: string): Promise<PolicyView> {
  const { stored, guidelines } = await deps.policyCache.get(siteId);
  return {
    version: stored?.version ?? 0,
    name: guidelines.policy.version,
    policy: guidelines.policy,
    createdAt: stored?.createdAt ?? null,
    createdBy: stored?.createdBy ?? null,
  };
}

export function policyVersions(deps: Pick<Services, 'guidelinesRepository'>, siteId: string) {
  return deps.guidelinesRepository.policyVersions(siteId);
}

/** Saves a change as the next version; `baseVersion` is the version the editor saw (optimistic concurrency). */
export async function savePolicy(
  deps: Pick<Services, 'guidelinesRepository' | 'policyCache' | 'now'>,
  input: { siteId: string; baseVersion: number; changes: PolicyChanges; by: string },
): Promise<PolicyView> {
  const { siteId, baseVersion } = input;
  const stored = await deps.guidelinesRepository.currentPolicy(siteId);
  if ((stored?.version ?? 0) !== baseVersion)
    throw new AppError(E.POLICY_CONFLICT, undefined, { currentVersion: stored?.version ?? 0 });
  const base = stored ? withChanges(defaultPolicy, stored.policy) : defaultPolicy;
  const next: StoredPolicy = {
    version: baseVersion + 1,
    policy: withChanges(base, { ...input.changes, version: `${siteId}-${baseVersion + 1}` }),
    createdBy: input.by,
    createdAt: deps.now().toISOString(),
  };
  if (!(await deps.guidelinesRepository.savePolicy(siteId, next)))
    throw new AppError(E.POLICY_CONFLICT, undefined, { currentVersion: baseVersion + 1 });
  deps.policyCache.forget(siteId);
  return readPolicy(deps, siteId);
}

/** What a policy change would do to the site's latest comments, without saving it. */
export async function replayPolicy(
  deps: Pick<Services, 'guidelinesRepository' | 'policyCache' | 'learningRepository'>,
  input: { siteId: string; changes: PolicyChanges; limit?: number | undefined; model?: number | undefined },
) {
  const { guidelines: before } = await deps.policyCache.get(input.siteId);
  const after = createGuidelines({
    policy: withChanges(before.policy, { ...input.changes, version: `${before.policy.version}+draft` }),
    // one of the site's own models, tried on its comments before an admin turns it on
    model: input.model === undefined ? before.model : await siteModel(deps, input.siteId, input.model),
  });
  const past = await deps.guidelinesRepository.pastComments(input.siteId, input.limit ?? 2000);
  return { compared: past.length, from: before.policy.version, ...replayDecisions(after, past) };
}

/** Moderators marked this text as spam: the same text again is held on this site. */
export async function markSpam(
  deps: Pick<Services, 'guidelinesRepository' | 'policyCache' | 'now'>,
  input: { siteId: string; text: string },
): Promise<void> {
  const fp = fingerprint(input.text);
  await deps.guidelinesRepository.addSpamFingerprint(input.siteId, fp, deps.now().toISOString());
  deps.policyCache.rememberSpam(input.siteId, fp);
}
