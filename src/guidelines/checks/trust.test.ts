import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedCheck } from './closed.ts';
import { createLengthCheck } from './length.ts';
import { createTrustCheck } from './trust.ts';

const now = new Date('2026-06-15T06:30:00Z');
const author = (
  o: Partial<{ accountAgeDays: number; publishedCount: number; trusted: boolean; sanctionedAt: string | null }> = {},
) => ({
  author: { accountAgeDays: 30, publishedCount: 10, trusted: false, sanctionedAt: null, ...o },
  now,
});

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
});

describe('length and closed stories', () => {
  it('needs a few letters and fits the limit', () => {
    const length = createLengthCheck({ minLetters: 2 });
    assert.equal(length('!').verdict, 'fail');
    assert.equal(length('OK').verdict, 'pass');
    assert.equal(length('a'.repeat(2001)).verdict, 'fail');
    assert.equal(length('a'.repeat(2001), 3000).verdict, 'pass');
  });
  it('refuses on a closed story', () => {
    assert.equal(closedCheck({ storyClosed: true }).verdict, 'fail');
    assert.equal(closedCheck({}).verdict, 'pass');
  });
});
