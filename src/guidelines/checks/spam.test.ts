import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprint } from '../../shared/fingerprint.ts';
import type { ModerationContext } from '../pipeline.ts';
import { spamCheck, spamVerdict } from './spam.ts';
import { heldAsSelling, sellingMarks } from './spam-model.ts';
import { runCheck } from './testing.ts';

// Sentences written for Parley.
const limits = { maxLinks: 3, floodPerTenMinutes: 5 };
const spam = (text: string, context: ModerationContext = {}) => spamVerdict(limits, text, context);
const fine = 'The ward committee should publish the road repair list before the monsoon sets in.';

describe('spam', () => {
  it('passes an ordinary comment with a source or two', () => {
    for (const text of [
      'The figures are in the report: https://example.org/report and https://example.org/annex.',
      'The judgment is here: https://main.sci.gov.in/judgments and worth reading in full.',
      fine,
    ])
      assert.equal(spam(text).verdict, 'pass', text);
  });

  it('holds many links with little said around them, but not an argument with its sources', () => {
    const r = spam('See https://a.example https://b.example https://c.example https://d.example for proof.');
    assert.equal(r.verdict, 'fail');
    assert.ok(r.signals.includes('4 links (the limit is 3)'));
    const argued = `${'The tariff order raised fixed charges twice in a year, which hits small shops hardest. '.repeat(6)} Sources: https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4`;
    assert.ok(!spam(argued).signals.some((s) => s.includes('links')));
  });

  it("holds a repeat of the author's own text or of other accounts', but not a short one", () => {
    assert.match(spam(fine, { repeatsOwnText: true }).reason!, /same text as another of your comments/);
    assert.match(spam(fine, { repeatsOthersText: true }).reason!, /other accounts/);
    assert.equal(spam('I agree.', { repeatsOwnText: true }).verdict, 'pass');
    assert.equal(spam('x'.repeat(39), { repeatsOthersText: true }).verdict, 'pass');
  });

  it('holds a flood of comments and texts marked as spam before', () => {
    assert.equal(spam(fine, { lastTenMinutes: 5 }).verdict, 'fail');
    assert.equal(spam(fine, { lastTenMinutes: 4 }).verdict, 'pass');
    const r = spam(fine, { knownSpam: true });
    assert.equal(r.score, 1);
    assert.match(r.reason!, /marked as spam/);
  });

  it('reads its limits from the policy and holds for a moderator, never refuses', () => {
    const links = 'See https://a.example/x and https://b.example/y for the council minutes.';
    assert.equal(runCheck(spamCheck, links).verdict, 'pass');
    assert.equal(runCheck(spamCheck, links, {}, { spam: { maxLinks: 1 } }).verdict, 'fail');
    assert.equal(runCheck(spamCheck, fine, { lastTenMinutes: 9 }).verdict, 'pass');
    assert.equal(runCheck(spamCheck, fine, { lastTenMinutes: 10 }).verdict, 'fail');
    assert.equal(spamCheck.rule.decision, 'hold');
    assert.equal(spamCheck.keptOnReplay, true);
  });
});

describe('spam by what it says', () => {
  it('holds selling, with a way to be reached or beyond doubt', () => {
    for (const text of [
      'Earn 50000 rupees a week from home, click here to join.',
      'Work from home job for students, daily payout. WhatsApp 98765 43210 now.',
      'Get guaranteed returns of 30% monthly with our crypto trading signals, join t.me/exampletips',
      'Instant loan in 10 minutes without CIBIL check, call nine eight seven six five four three two one zero.',
      'Love problem solution by Baba ji, contact baba.remedy@example.org today.',
      'Best SEO services for your news site, visit our website https://example-seo.in',
    ]) {
      const r = spam(text);
      assert.equal(r.verdict, 'fail', text);
      assert.match(r.reason!, /advertisement/, text);
    }
  });

  it('lets readers discuss jobs, crypto, loans, betting and astrology', () => {
    for (const text of [
      'The hiring freeze at the IT firms will hurt freshers in Pune more than anyone.',
      'Crypto should be taxed like any other asset; the 30% rate is too blunt.',
      'The farm loan waiver helps this season, but what about next year?',
      'Online betting apps are banned in the state, yet the ads run during every IPL match.',
      'My grandmother trusts the astrologer more than the doctor, and that worries me.',
    ])
      assert.equal(spam(text).verdict, 'pass', text);
  });

  it('holds a bare link and a shortened one', () => {
    assert.equal(spam('Read https://example.org/x').verdict, 'fail');
    assert.equal(spam('Full story here bit.ly/3xAbcd for everyone who cares.').verdict, 'fail');
  });

  it('tells a citation from a way to be reached', () => {
    assert.deepEqual(sellingMarks('Judgment: https://main.sci.gov.in/x'), ['source-link']);
    assert.deepEqual(sellingMarks('Shop: https://example-shop.in/x'), ['link']);
    assert.ok(sellingMarks('Call 98765 43210').includes('phone'));
    assert.ok(sellingMarks('Mail deals@example.org').includes('email'));
    assert.ok(heldAsSelling(0.5, ['phone'], 0.3));
    assert.ok(!heldAsSelling(0.5, ['source-link'], 0.3));
    assert.ok(heldAsSelling(0.96, [], 0.3));
    assert.ok(!heldAsSelling(0.2, ['phone'], 0.3));
  });
});

describe('fingerprints', () => {
  it('see through case, spacing, punctuation and link queries', () => {
    assert.equal(fingerprint(fine), fingerprint(fine.toUpperCase().replace(/ /g, '  ').replace(/,/g, ' ,')));
    assert.equal(
      fingerprint('Read https://x.example/a?utm_source=1 now'),
      fingerprint('read https://x.example/a now!'),
    );
    assert.notEqual(fingerprint(fine), fingerprint(`${fine} Really.`));
  });
});
