import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personalCheck } from './personal.ts';
import { runCheck } from './testing.ts';

// Sentences written for Parley.
const personal = (text: string, bands?: { hold: number | null; refuse: number | null }) =>
  runCheck(personalCheck, text, {}, bands ? { bands: { personal: bands } } : {});

describe('personal', () => {
  it('fails attacks on a person: the reader addressed, a public figure by name or office', () => {
    for (const t of [
      'The minister is a fraud and a liar.',
      'You are an idiot and everyone here knows it.',
      'Ravi you are a worthless piece of shit and a liar.',
    ]) {
      const r = personal(t);
      assert.equal(r.verdict, 'fail', t);
      assert.match(r.reason!, /personal attack/);
      assert.ok((r.spans ?? []).length > 0, t);
    }
  });

  it('tells criticism of what someone did from an attack on them', () => {
    assert.equal(personal("The minister's plan is a fraud on farmers.").verdict, 'pass');
    assert.ok(
      personal("The minister's plan is a fraud on farmers.").score <
        personal('The minister is a fraud and a liar.').score,
    );
    for (const t of [
      'You clearly did not read the judgment before commenting.',
      'The ministry is slow on fisheries and always has been.',
      'Their economic plan makes no sense to me at all.',
    ])
      assert.equal(personal(t).verdict, 'pass', t);
  });

  it("reads the site's own bands", () => {
    const text = 'The minister is a fraud and a liar.';
    const { score } = personal(text);
    assert.equal(personal(text, { hold: score, refuse: null }).verdict, 'fail');
    assert.equal(personal(text, { hold: Math.min(1, score + 0.01), refuse: null }).verdict, 'pass');
  });
});
