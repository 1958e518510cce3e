import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyChanges } from '../policy.ts';
import { runCheck } from './testing.ts';
import { type TrustPolicy, trustCheck, trustVerdict } from './trust.ts';

const now = new Date('2026-06-15T06:30:00Z');
const author = (
  o: Partial<{ accountAgeDays: number; publishedCount: number; trusted: boolean; sanctionedAt: string | null }> = {},
) => ({
  author: { accountAgeDays: 30, publishedCount: 10, trusted: false, sanctionedAt: null, ...o },
  now,
});
const createTrustCheck = (policy: TrustPolicy) => (context: Parameters<typeof trustVerdict>[1]) =>
  trustVerdict(policy, context);

describe('trust (pre-moderation)', () => {
  it('"off" holds no one for being new, but holds the recently sanctioned', () => {
    const trust = createTrustCheck({ mode: 'off', minPublished: 3, minAccountDays: 2, sanctionDays: 30 });
    assert.equal(trust(author({ publishedCount: 0, accountAgeDays: 0 })).verdict, 'pass');
    assert.equal(trust(author({ sanctionedAt: '2026-06-01T00:00:00Z' })).verdict, 'fail');
    assert.equal(trust(author({ sanctionedAt: '2026-04-01T00:00:00Z' })).verdict, 'pass');
  });
  it('"new" holds authors with too few published comments or too young an account', () => {
    const trust = createTrustCheck({ mode: 'new', minPublished: 3, minAccountDays: 2, sanctionDays: 0 });
    assert.equal(trust(author({ publishedCount: 2 })).verdict, 'fail');
    assert.equal(trust(author({ accountAgeDays: 1 })).verdict, 'fail');
    assert.equal(trust(author()).verdict, 'pass');
    assert.equal(trust(author({ publishedCount: 0, trusted: true })).verdict, 'pass');
  });
  it('"all" holds everyone but trusted authors; no author known, no opinion', () => {
    const trust = createTrustCheck({ mode: 'all', minPublished: 0, minAccountDays: 0, sanctionDays: 0 });
    assert.equal(trust(author()).verdict, 'fail');
    assert.equal(trust(author({ trusted: true })).verdict, 'pass');
    assert.equal(trust({}).verdict, 'pass');
  });
  it('counts the watch period to the millisecond, and a trusted author is never held for a sanction', () => {
    const trust = createTrustCheck({ mode: 'off', minPublished: 0, minAccountDays: 0, sanctionDays: 1 });
    assert.equal(trust(author({ sanctionedAt: '2026-06-14T06:30:00.001Z' })).verdict, 'fail');
    assert.equal(trust(author({ sanctionedAt: '2026-06-14T06:30:00.000Z' })).verdict, 'pass');
    assert.equal(trust(author({ sanctionedAt: '2026-06-15T00:00:00Z', trusted: true })).verdict, 'pass');
  });
  it('is new up to the limits, and not from them on', () => {
    const trust = createTrustCheck({ mode: 'new', minPublished: 3, minAccountDays: 2, sanctionDays: 0 });
    assert.equal(trust(author({ publishedCount: 3, accountAgeDays: 2 })).verdict, 'pass');
    assert.equal(trust(author({ publishedCount: 3, accountAgeDays: 1.99 })).verdict, 'fail');
  });
  it('tells the author why, more surely for a sanction than for being new', () => {
    const sanctioned = createTrustCheck({ mode: 'off', minPublished: 0, minAccountDays: 0, sanctionDays: 30 })(
      author({ sanctionedAt: '2026-06-10T00:00:00Z' }),
    );
    assert.deepEqual([sanctioned.score, sanctioned.reason], [1, sanctioned.reason]);
    assert.match(sanctioned.reason!, /after a sanction/);
    const fresh = createTrustCheck({ mode: 'new', minPublished: 3, minAccountDays: 0, sanctionDays: 0 })(
      author({ publishedCount: 0 }),
    );
    assert.equal(fresh.score, 0.8);
    assert.match(fresh.reason!, /new readers/);
  });
  it('reads the policy: off by default, 30 days after a sanction', () => {
    const run = (changes: PolicyChanges, o: Parameters<typeof author>[0] = {}) =>
      runCheck(trustCheck, 'text', author(o), changes).verdict;
    assert.equal(run({}, { publishedCount: 0, accountAgeDays: 0 }), 'pass');
    assert.equal(run({}, { sanctionedAt: '2026-05-17T00:00:00Z' }), 'fail');
    assert.equal(run({ trust: { sanctionDays: 0 } }, { sanctionedAt: '2026-06-14T00:00:00Z' }), 'pass');
    assert.equal(run({ trust: { mode: 'new' } }, { publishedCount: 2 }), 'fail');
    assert.equal(run({ trust: { mode: 'new', minPublished: 2 } }, { publishedCount: 2 }), 'pass');
    assert.equal(trustCheck.keptOnReplay, true);
  });
});
