import { fingerprint } from '../shared/fingerprint.ts';
import type { AuthorSignals, GuidelinesRepository, SignalsQuery } from './guidelines.repository.ts';
import type { ModerationContext, ModerationInput, ModerationPipeline } from './pipeline.ts';
import type { Policy } from './policy.ts';
import type { PolicyCache } from './policy-cache.ts';

// The pipeline posting asks: the site's guidelines, with what the checks may
// know of the author (their record and their comments of the last minutes and
// day) and the site's spam marks.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What to ask about the author, each question bounded by what the policy needs to know. */
export function signalsQuery(input: ModerationInput, policy: Policy, contentHash: string, at: Date): SignalsQuery {
  return {
    siteId: input.siteId,
    authorId: input.authorId,
    contentHash,
    excludeId: input.commentId ?? null,
    floodSince: new Date(at.getTime() - 10 * MINUTE).toISOString(),
    floodCap: policy.spam.floodPerTenMinutes,
    repeatSince: new Date(at.getTime() - DAY).toISOString(),
    othersSince: new Date(at.getTime() - 7 * DAY).toISOString(),
    publishedCap: policy.trust.mode === 'new' ? policy.trust.minPublished : 0,
  };
}

/** The checks' context from what posting knows, the author's signals and the site's spam marks. */
export function moderationContext(
  input: ModerationInput,
  signals: AuthorSignals,
  knownSpam: boolean,
  at: Date,
): ModerationContext {
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
            accountAgeDays: (at.getTime() - new Date(a.createdAt).getTime()) / DAY,
            publishedCount: signals.published,
            trusted: a.trusted,
            sanctionedAt,
          },
        }
      : {}),
    repeatsOwnText: signals.repeats,
    repeatsOthersText: signals.othersRepeat,
    lastTenMinutes: signals.lastTenMinutes,
    knownSpam,
    ...(input.maxChars ? { maxChars: input.maxChars } : {}),
  };
}

export function createSitePipeline(deps: {
  policyCache: PolicyCache;
  guidelinesRepository: GuidelinesRepository;
  now: () => Date;
}): ModerationPipeline {
  return {
    async moderate(input) {
      const { guidelines, spam } = await deps.policyCache.get(input.siteId);
      const at = deps.now();
      const contentHash = fingerprint(input.source);
      const signals = await deps.guidelinesRepository.authorSignals(
        signalsQuery(input, guidelines.policy, contentHash, at),
      );
      return guidelines.judge(input.text, moderationContext(input, signals, spam.has(contentHash), at));
    },
  };
}
