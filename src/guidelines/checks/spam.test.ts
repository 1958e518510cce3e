import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint } from '../../shared/fingerprint.ts';
import { createSpamCheck } from './spam.ts';

const spam = createSpamCheck({ maxLinks: 2, floodPerTenMinutes: 5 });
const promo = 'Earn money from home today, visit my page for the details and the offer.';

describe('spam', () => {
  it('passes an ordinary comment with a source or two', () => {
    assert.equal(
      spam('The figures are in the report: https://example.org/report and https://example.org/annex.', {}).verdict,
      'pass',
    );
  });
  it('holds many links', () => {
    const r = spam('See https://a.example https://b.example https://c.example for proof.', {});
    assert.equal(r.verdict, 'fail');
    assert.deepEqual(r.signals, ['3 links (the limit is 2)']);
  });
  it("holds a repeat of the author's own text, but not a short one", () => {
    const r = spam(promo, { repeatsOwnText: true });
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason!, /same text/);
    assert.equal(spam('I agree.', { repeatsOwnText: true }).verdict, 'pass');
  });
  it('holds a flood of comments and texts marked as spam before', () => {
    assert.equal(spam('A perfectly fine sentence about the match.', { lastTenMinutes: 5 }).verdict, 'fail');
    assert.equal(spam('A perfectly fine sentence about the match.', { lastTenMinutes: 4 }).verdict, 'pass');
    const r = spam(promo, { knownSpam: true });
    assert.equal(r.score, 1);
    assert.match(r.reason!, /marked as spam/);
  });
});

describe('fingerprints', () => {
  it('see through case, spacing, punctuation and link queries', () => {
    assert.equal(fingerprint(promo), fingerprint(promo.toUpperCase().replace(/ /g, '  ').replace(/,/g, ' ,')));
    assert.equal(
      fingerprint('Read https://x.example/a?utm_source=1 now'),
      fingerprint('read https://x.example/a now!'),
    );
    assert.notEqual(fingerprint(promo), fingerprint(`${promo} Really.`));
  });
});
