import type { GuidelinesRepository, StoredPolicy } from './guidelines.repository.ts';
import { createGuidelines, type Guidelines } from './guidelines.ts';
import type { LearningRepository } from './learning.repository.ts';
import type { GuidelinesModel } from './model/analyse.ts';
import { loadModel } from './model/format.ts';
import { shippedGuidelinesModel } from './models.ts';
import { defaultPolicy, type Policy, withChanges } from './policy.ts';

// Each site's guidelines, built from its saved policy and its own model (the
// shipped one unless the site turned on one adapted to its moderators), and
// the fingerprints its moderators marked as spam: read on a site's first
// comment, then kept a while, because every comment needs them. A site model
// is read from the database once per version.

/** How long an instance trusts its copy of a site's policy when another instance may have saved one. */
export const POLICY_TTL_MS = 30_000;

export interface SiteGuidelines {
  at: number;
  stored: StoredPolicy | undefined;
  guidelines: Guidelines;
  spam: Set<string>;
}

/** A stored policy as it applies: its changes over today's default, named by site and version. */
export function storedPolicy(siteId: string, stored: StoredPolicy | undefined): Policy {
  return stored
    ? { ...withChanges(defaultPolicy, stored.policy), version: `${siteId}-${stored.version}` }
    : defaultPolicy;
}

export function createPolicyCache(deps: {
  guidelinesRepository: GuidelinesRepository;
  learningRepository: LearningRepository;
  now: () => Date;
}) {
  const repo = deps.guidelinesRepository;
  const cache = new Map<string, SiteGuidelines>();
  const siteModels = new Map<string, GuidelinesModel>();

  async function modelOf(siteId: string): Promise<GuidelinesModel> {
    const version = await deps.learningRepository.activeVersion(siteId);
    if (version === undefined) return shippedGuidelinesModel();
    const key = `${siteId}|${version}`;
    let model = siteModels.get(key);
    if (!model) {
      const bytes = await deps.learningRepository.modelFile(siteId, version);
      model = bytes ? loadModel(bytes) : shippedGuidelinesModel();
      siteModels.set(key, model);
    }
    return model;
  }

  return {
    async get(siteId: string): Promise<SiteGuidelines> {
      const hit = cache.get(siteId);
      if (hit && deps.now().getTime() - hit.at < POLICY_TTL_MS) return hit;
      const stored = await repo.currentPolicy(siteId);
      const entry = {
        at: deps.now().getTime(),
        stored,
        guidelines: createGuidelines({ policy: storedPolicy(siteId, stored), model: await modelOf(siteId) }),
        spam: new Set(await repo.spamFingerprints(siteId)),
      };
      cache.set(siteId, entry);
      return entry;
    },

    /** A new version was saved here: the next comment reads it. */
    forget(siteId: string): void {
      cache.delete(siteId);
    },

    /** A text marked as spam here counts at once (other instances read it within the TTL). */
    rememberSpam(siteId: string, fingerprint: string): void {
      cache.get(siteId)?.spam.add(fingerprint);
    },
  };
}

export type PolicyCache = ReturnType<typeof createPolicyCache>;
