import type { GuidelinesRepository, StoredPolicy } from './guidelines.repository.ts';
import { createGuidelines, type Guidelines } from './guidelines.ts';
import { defaultPolicy, type Policy, withChanges } from './policy.ts';

// Each site's guidelines, built from its saved policy, and the fingerprints
// its moderators marked as spam: read on a site's first comment, then kept a
// while, because every comment needs them.

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

export function createPolicyCache(deps: { guidelinesRepository: GuidelinesRepository; now: () => Date }) {
  const repo = deps.guidelinesRepository;
  const cache = new Map<string, SiteGuidelines>();
  return {
    async get(siteId: string): Promise<SiteGuidelines> {
      const hit = cache.get(siteId);
      if (hit && deps.now().getTime() - hit.at < POLICY_TTL_MS) return hit;
      const stored = await repo.currentPolicy(siteId);
      const entry = {
        at: deps.now().getTime(),
        stored,
        guidelines: createGuidelines({ policy: storedPolicy(siteId, stored) }),
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
