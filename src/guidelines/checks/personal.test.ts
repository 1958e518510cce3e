import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personalCheck } from './personal.ts';
import { runCheck } from './testing.ts';

// Examples written for Parley.
const personal = (text: string, threshold?: number | null) =>
  runCheck(personalCheck, text, {}, threshold === undefined ? {} : { thresholds: { personal: threshold } });

describe('personal', () => {
  it('refuses attacks on a person: the reader addressed, the writer, someone by name', () => {
    for (const t of [
      'You are an idiot and everyone here knows it.',
      'Whoever wrote this is a moron.',
      'Ravi, you are a liar and a coward.',
      'Shut up, you pathetic little troll.',
    ]) {
      const r = personal(t);
      assert.equal(r.verdict, 'fail', t);
      assert.ok(r.evidence && r.evidence.length > 0);
      assert.match(r.reason!, /personal attack/);
    }
  });
  it('does not take criticism of ideas or groups as personal', () => {
    for (const t of [
      'You clearly did not read the article before commenting.',
      'The ministry is useless at fisheries and always has been.',
      'Their economic plan makes no sense to me at all.',
    ]) {
      assert.equal(personal(t).verdict, 'pass', t);
    }
  });
  it('does not take an insult without a target as personal, however high it scores', () => {
    const r = personal('This is stupid.');
    assert.ok(r.score >= 0.9);
    assert.equal(r.verdict, 'pass');
    assert.deepEqual(r.evidence, ['stupid']);
  });
  it("reads the site's own threshold", () => {
    const text = 'You are an idiot and everyone here knows it.';
    const { score } = personal(text);
    assert.equal(personal(text, score).verdict, 'fail');
    assert.equal(personal(text, Math.min(1, score + 0.01)).verdict, 'pass');
  });
});
