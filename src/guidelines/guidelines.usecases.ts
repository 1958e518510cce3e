import { htmlToText } from '../comments/markdown.ts';
import { AppError } from '../shared/errors.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { guidelinesErrors as E } from './guidelines.errors.ts';
import type { GuidelinesRepository, StoredPolicy } from './guidelines.repository.ts';
import type { Models } from './models.ts';
import { createGuidelines, type Guidelines } from './phases.ts';
import type { CheckResult, Decision, ModerationContext, ModerationInput, ModerationPipeline } from './pipeline.ts';
import { defaultPolicy, type Policy, type PolicyChanges, withChanges } from './policy.ts';

/** Checks that read the author's history or the story's state: a replay keeps their stored results. */
const CONTEXT_CHECKS = ['closed', 'spam', 'trust'] as const;

/** How long an instance trusts its copy of a site's policy when another instance may have saved one. */
const POLICY_TTL_MS = 30_000;

export function createGuidelinesUsecases(deps: { moderation: GuidelinesRepository; now: () => Date; models?: Models }) {
  const { moderation: repo, now } = deps;
  const cache = new Map<
    string,
    { at: number; stored: StoredPolicy | undefined; guidelines: Guidelines; spam: Set<string> }
  >();

  const versionName = (siteId: string, stored: StoredPolicy | undefined) =>
    stored ? `${siteId}-${stored.version}` : defaultPolicy.version;

  async function current(siteId: string) {
    const hit = cache.get(siteId);
    if (hit && now().getTime() - hit.at < POLICY_TTL_MS) return hit;
    const stored = await repo.currentPolicy(siteId);
    const policy = stored
      ? { ...withChanges(defaultPolicy, stored.policy), version: versionName(siteId, stored) }
      : defaultPolicy;
    const entry = {
      at: now().getTime(),
      stored,
      guidelines: createGuidelines({ policy, ...(deps.models ? { models: deps.models } : {}) }),
      spam: new Set(await repo.spamFingerprints(siteId)),
    };
    cache.set(siteId, entry);
    return entry;
  }

  async function context(input: ModerationInput, policy: Policy, spam: Set<string>): Promise<ModerationContext> {
    const at = now();
    const contentHash = fingerprint(input.source);
    const signals = await repo.authorSignals({
      siteId: input.siteId,
      authorId: input.authorId,
      contentHash,
      excludeId: input.commentId ?? null,
      floodSince: new Date(at.getTime() - 600_000).toISOString(),
      floodCap: policy.spam.floodPerTenMinutes,
      repeatSince: new Date(at.getTime() - 86_400_000).toISOString(),
      publishedCap: policy.trust.mode === 'new' ? policy.trust.minPublished : 0,
    });
    const a = input.author;
    // The later of "sanctioned" and "suspended until": a suspension's watch period runs from its end.
    const sanctionedAt = a
      ? ([a.sanctionedAt, a.sanctionUntil]
          .filter((x): x is string => Boolean(x))
          .sort()
          .pop() ?? null)
      : null;
    return {
      now: at,
      ...(a
        ? {
            author: {
              accountAgeDays: (at.getTime() - new Date(a.createdAt).getTime()) / 86_400_000,
              publishedCount: signals.published,
              trusted: a.trusted,
              sanctionedAt,
            },
          }
        : {}),
      repeatsOwnText: signals.repeats,
      lastTenMinutes: signals.lastTenMinutes,
      knownSpam: spam.has(contentHash),
      ...(input.maxChars ? { maxChars: input.maxChars } : {}),
    };
  }

  const pipeline: ModerationPipeline = {
    async moderate(input) {
      const { guidelines, spam } = await current(input.siteId);
      return guidelines.judge(input.text, await context(input, guidelines.policy, spam));
    },
  };

  return {
    pipeline,

    async policy(
      siteId: string,
    ): Promise<{ version: number; name: string; policy: Policy; createdAt: string | null; createdBy: string | null }> {
      const { stored, guidelines } = await current(siteId);
      return {
        version: stored?.version ?? 0,
        name: guidelines.policy.version,
        policy: guidelines.policy,
        createdAt: stored?.createdAt ?? null,
        createdBy: stored?.createdBy ?? null,
      };
    },

    versions: (siteId: string) => repo.policyVersions(siteId),

    /** Saves a change as the next version; `baseVersion` is the version the editor saw (optimistic concurrency). */
    async savePolicy(siteId: string, baseVersion: number, changes: PolicyChanges, by: string) {
      const stored = await repo.currentPolicy(siteId);
      if ((stored?.version ?? 0) !== baseVersion)
        throw new AppError(E.POLICY_CONFLICT, undefined, { currentVersion: stored?.version ?? 0 });
      const base = stored ? withChanges(defaultPolicy, stored.policy) : defaultPolicy;
      const next: StoredPolicy = {
        version: baseVersion + 1,
        policy: withChanges(base, { ...changes, version: `${siteId}-${baseVersion + 1}` }),
        createdBy: by,
        createdAt: now().toISOString(),
      };
      if (!(await repo.savePolicy(siteId, next)))
        throw new AppError(E.POLICY_CONFLICT, undefined, { currentVersion: baseVersion + 1 });
      cache.delete(siteId);
      return this.policy(siteId);
    },

    /**
     * What a policy change would do to the site's latest comments, without
     * saving it: each comment's text is judged again under the changed policy
     * (checks that depend on the author's history at the time keep their stored
     * result), and the decisions are compared with the ones made then.
     */
    async replay(siteId: string, changes: PolicyChanges, limit = 2000) {
      const { guidelines: before } = await current(siteId);
      const after = createGuidelines({
        policy: withChanges(before.policy, { ...changes, version: `${before.policy.version}+draft` }),
        ...(deps.models ? { models: deps.models } : {}),
      });
      const past = await repo.pastComments(siteId, limit);
      const counts = { before: { publish: 0, hold: 0, refuse: 0 }, after: { publish: 0, hold: 0, refuse: 0 } };
      const changed: {
        id: string;
        storyId: string;
        excerpt: string;
        before: Decision;
        after: Decision;
        reasons: string[];
      }[] = [];
      let changedCount = 0;
      for (const c of past) {
        const stored = parseStored(c.moderation);
        const text = htmlToText(c.bodyHtml);
        const checks: Record<string, CheckResult> = after.judge(text).checks;
        for (const name of CONTEXT_CHECKS) {
          const kept = stored.checks?.[name];
          if (kept) checks[name] = kept;
        }
        // A comment never judged (pass-through, imported) counts as its status says.
        const was: Decision =
          stored.decision ?? (c.status === 'published' ? 'publish' : c.status === 'pending' ? 'hold' : 'refuse');
        const now = after.decide(checks).decision;
        counts.before[was]++;
        counts.after[now]++;
        if (was !== now) {
          changedCount++;
          if (changed.length < 100)
            changed.push({
              id: c.id,
              storyId: c.storyId,
              excerpt: text.slice(0, 160),
              before: was,
              after: now,
              reasons: after.decide(checks).reasons.map((r) => r.rule),
            });
        }
      }
      return { compared: past.length, from: before.policy.version, counts, changedCount, changed };
    },

    /** Moderators marked this text as spam: the same text again is held on this site. */
    async markSpam(siteId: string, text: string): Promise<void> {
      await repo.addSpamFingerprint(siteId, fingerprint(text), now().toISOString());
      cache.get(siteId)?.spam.add(fingerprint(text));
    },
  };
}

function parseStored(json: string): { decision?: Decision; checks?: Record<string, CheckResult> } {
  try {
    const o = JSON.parse(json) as { decision?: Decision; checks?: Record<string, CheckResult> };
    return typeof o === 'object' && o !== null ? o : {};
  } catch {
    return {};
  }
}

export type GuidelinesUsecases = ReturnType<typeof createGuidelinesUsecases>;
