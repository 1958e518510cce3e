import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint } from '../shared/fingerprint.ts';
import type { AuthorSignals, GuidelinesRepository, SignalsQuery, StoredPolicy } from './guidelines.repository.ts';
import type { LearningRepository } from './learning.repository.ts';
import type { ModerationInput } from './pipeline.ts';
import { defaultPolicy, withChanges } from './policy.ts';
import { createPolicyCache, POLICY_TTL_MS } from './policy-cache.ts';
import { createSitePipeline, moderationContext, signalsQuery } from './site-pipeline.ts';

const at = new Date('2026-06-15T06:30:00.000Z');
const input = (o: Partial<ModerationInput> = {}): ModerationInput => ({
  siteId: 'demo',
  storyId: 's',
  authorId: 'u1',
  text: 'I agree with the minister on this.',
  source: 'I agree with the minister on this.',
  parentId: null,
  ...o,
});
const signals: AuthorSignals = { lastTenMinutes: 2, repeats: false, othersRepeat: false, published: 4 };

/** A repository in memory: one site's saved policy and spam marks, and what was asked. */
function fakeRepository(o: { stored?: StoredPolicy; spam?: string[]; signals?: AuthorSignals } = {}) {
  const calls = { currentPolicy: 0, queries: [] as SignalsQuery[] };
  const repo = {
    async currentPolicy() {
      calls.currentPolicy++;
      return o.stored;
    },
    async spamFingerprints() {
      return o.spam ?? [];
    },
    async authorSignals(q: SignalsQuery) {
      calls.queries.push(q);
      return o.signals ?? signals;
    },
  } as unknown as GuidelinesRepository;
  return { repo, calls };
}

describe('what the pipeline asks about an author', () => {
  it('asks no more than the policy needs', () => {
    const q = signalsQuery(input(), defaultPolicy, 'hash', at);
    assert.deepEqual(q, {
      siteId: 'demo',
      authorId: 'u1',
      contentHash: 'hash',
      excludeId: null,
      floodSince: '2026-06-15T06:20:00.000Z',
      floodCap: 10,
      repeatSince: '2026-06-14T06:30:00.000Z',
      othersSince: '2026-06-08T06:30:00.000Z',
      publishedCap: 0,
    });
    const newcomers = withChanges(defaultPolicy, {
      trust: { mode: 'new', minPublished: 5 },
      spam: { floodPerTenMinutes: 3 },
    });
    const q2 = signalsQuery(input({ commentId: 'c9' }), newcomers, 'hash', at);
    assert.deepEqual([q2.publishedCap, q2.floodCap, q2.excludeId], [5, 3, 'c9']);
  });
});

describe("the checks' context", () => {
  it("tells the author's age, record and latest sanction, and the text's history", () => {
    const c = moderationContext(
      input({
        author: {
          createdAt: '2026-06-05T06:30:00.000Z',
          trusted: false,
          sanctionedAt: '2026-06-01T00:00:00.000Z',
          sanctionUntil: '2026-06-10T00:00:00.000Z',
        },
        maxChars: 500,
      }),
      { lastTenMinutes: 3, repeats: true, othersRepeat: false, published: 7 },
      true,
      at,
    );
    assert.deepEqual(c, {
      now: at,
      author: { accountAgeDays: 10, publishedCount: 7, trusted: false, sanctionedAt: '2026-06-10T00:00:00.000Z' },
      repeatsOwnText: true,
      repeatsOthersText: false,
      lastTenMinutes: 3,
      knownSpam: true,
      maxChars: 500,
    });
  });

  it('knows no author without a signed-in one, and no sanction without one', () => {
    const c = moderationContext(input(), signals, false, at);
    assert.equal(c.author, undefined);
    assert.equal(c.maxChars, undefined);
    const fresh = moderationContext(
      input({ author: { createdAt: at.toISOString(), trusted: true, sanctionedAt: null, sanctionUntil: null } }),
      signals,
      false,
      at,
    );
    assert.deepEqual(fresh.author, { accountAgeDays: 0, publishedCount: 4, trusted: true, sanctionedAt: null });
  });
});

// a site that never turned on a model of its own
const noSiteModels = {
  activeVersion: async () => undefined,
  modelFile: async () => undefined,
} as unknown as LearningRepository;

describe("a site's guidelines, cached", () => {
  it('reads the saved policy once, then again after the TTL or when told to forget it', async () => {
    let now = at.getTime();
    const stored: StoredPolicy = {
      version: 2,
      policy: { words: { suspect: ['x'] } } as never,
      createdBy: null,
      createdAt: '',
    };
    const { repo, calls } = fakeRepository({ stored });
    const cache = createPolicyCache({
      guidelinesRepository: repo,
      learningRepository: noSiteModels,
      now: () => new Date(now),
    });
    const first = await cache.get('demo');
    assert.equal(first.guidelines.policy.version, 'demo-2');
    assert.deepEqual(first.guidelines.policy.words.suspect, ['x']);
    now += POLICY_TTL_MS - 1;
    assert.equal(await cache.get('demo'), first);
    now += 1;
    assert.notEqual(await cache.get('demo'), first);
    assert.equal(calls.currentPolicy, 2);
    cache.forget('demo');
    await cache.get('demo');
    assert.equal(calls.currentPolicy, 3);
  });

  it('knows a text marked as spam at once, on a site it has read', async () => {
    const { repo } = fakeRepository({ spam: ['old'] });
    const cache = createPolicyCache({ guidelinesRepository: repo, learningRepository: noSiteModels, now: () => at });
    cache.rememberSpam('demo', 'ignored: not read yet');
    const entry = await cache.get('demo');
    assert.deepEqual([...entry.spam], ['old']);
    cache.rememberSpam('demo', 'new');
    assert.ok(entry.spam.has('new'));
  });
});

describe('the pipeline posting asks', () => {
  it("judges the text under the site's policy with the author's signals", async () => {
    const spammy = 'Buy the best fishing nets online today, with free delivery to every island.';
    const { repo, calls } = fakeRepository({ spam: [fingerprint(spammy)] });
    const policyCache = createPolicyCache({
      guidelinesRepository: repo,
      learningRepository: noSiteModels,
      now: () => at,
    });
    const pipeline = createSitePipeline({ policyCache, guidelinesRepository: repo, now: () => at });
    const ok = await pipeline.moderate(input());
    assert.equal(ok.decision, 'publish');
    assert.equal(ok.policyVersion, 'default-4');
    assert.equal(calls.queries[0]!.contentHash, fingerprint(input().source));
    const held = await pipeline.moderate(input({ text: spammy, source: spammy }));
    assert.equal(held.decision, 'hold');
    assert.match(held.checks.spam!.reason!, /marked as spam/);
  });
});
