import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSpamCheck, fingerprint } from './spam.ts';

const spam = createSpamCheck({ maxLinks: 2, floodPerTenMinutes: 5 });
const promo = 'Earn money from home today, visit my page for the details and the offer.';

describe('spam', () => {
  it('passes an ordinary comment with a source or two', () => {
    assert.equal(spam('The figures are in the report: https://example.org/report and https://example.org/annex.', {}).verdict, 'pass');
  });
  it('holds many links', () => {
    const r = spam('See https://a.example https://b.example https://c.example for proof.', {});
    assert.equal(r.verdict, 'fail');
    assert.deepEqual(r.signals, ['3 links (the limit is 2)']);
  });
  it('holds the same text posted again under other stories, whatever the spacing and case', () => {
    const r = spam(promo.toUpperCase().replace(/ /g, '  '), { recentTexts: ['Something else entirely, about the talks.', promo] });
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason!, /same text/);
    // a short "I agree." said twice is not spam
    assert.equal(spam('I agree.', { recentTexts: ['I agree.'] }).verdict, 'pass');
  });
  it('holds a flood of comments and texts marked as spam before', () => {
    assert.equal(spam('A perfectly fine sentence about the match.', { lastTenMinutes: 5 }).verdict, 'fail');
    assert.equal(spam('A perfectly fine sentence about the match.', { lastTenMinutes: 4 }).verdict, 'pass');
    const known = new Set([fingerprint(promo)]);
    const r = spam(`${promo}!!`, { isKnownSpam: (f) => known.has(f) });
    assert.equal(r.score, 1);
    assert.match(r.reason!, /marked as spam/);
  });
});
