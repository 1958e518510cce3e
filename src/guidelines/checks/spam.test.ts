import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint } from '../../shared/fingerprint.ts';
import type { ModerationContext } from '../pipeline.ts';
import { spamCheck, spamVerdict } from './spam.ts';
import { runCheck } from './testing.ts';

const spam = (text: string, context: ModerationContext) =>
  spamVerdict({ maxLinks: 2, floodPerTenMinutes: 5 }, text, context);
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
  it('scores links under the limit a little each, and lists every signal', () => {
    assert.deepEqual(spam('One source: www.example.org/report for the figures.', {}), {
      verdict: 'pass',
      score: 0.2,
      signals: [],
    });
    const r = spam(`${promo} https://a.example https://b.example https://c.example`, {
      repeatsOwnText: true,
      lastTenMinutes: 9,
    });
    assert.deepEqual(r.signals, [
      '3 links (the limit is 2)',
      'the same text as another of your comments today',
      '10 comments in ten minutes',
    ]);
    assert.equal(r.score, 0.95);
  });
  it("holds a repeat from exactly 40 characters; an edit's own text is no repeat (posting leaves it out)", () => {
    assert.equal(spam('x'.repeat(39), { repeatsOwnText: true }).verdict, 'pass');
    assert.equal(spam('x'.repeat(40), { repeatsOwnText: true }).verdict, 'fail');
  });
  it('reads its limits from the policy and holds for a moderator, never refuses', () => {
    const links = 'See https://a.example https://b.example for proof.';
    assert.equal(runCheck(spamCheck, links).verdict, 'pass');
    assert.equal(runCheck(spamCheck, links, {}, { spam: { maxLinks: 1 } }).verdict, 'fail');
    assert.equal(runCheck(spamCheck, 'Fine words.', { lastTenMinutes: 9 }).verdict, 'pass');
    assert.equal(runCheck(spamCheck, 'Fine words.', { lastTenMinutes: 10 }).verdict, 'fail');
    assert.equal(spamCheck.rule.decision, 'hold');
    assert.equal(spamCheck.keptOnReplay, true);
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
