import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedGuidelinesModel } from '../models.ts';
import { abusiveCheck } from './abusive.ts';
import { runCheck } from './testing.ts';

// Sentences written for Parley, of the kinds a newspaper's moderators see.
const abusive = (text: string, bands?: { hold: number | null; refuse: number | null }) =>
  runCheck(abusiveCheck, text, {}, bands ? { bands: { abusive: bands } } : {});
const model = shippedGuidelinesModel();

describe('abusive', () => {
  it('holds insults and obscenity, disguised ones too, and shows the words', () => {
    for (const [t, word] of [
      ['You are an idiot and everyone here knows it.', 'idiot'],
      ['Go to hell, you f*cking loser.', 'loser'],
      ['Ravi you are a worthless piece of shit and a liar.', 'shit'],
    ] as const) {
      const r = abusive(t);
      assert.equal(r.verdict, 'fail', t);
      assert.match(r.reason!, /abusive/);
      const shown = (r.spans ?? []).map((s) => t.slice(s.start, s.end));
      assert.ok(
        shown.some((w) => w.includes(word)),
        `${t}: ${shown}`,
      );
    }
  });

  it('refuses from the refuse band only, and holds the middle band', () => {
    const strong = abusive('Fuck you asshole.');
    assert.equal(strong.verdict, 'fail');
    assert.ok(strong.score >= model.bands.abuse.refuse);
    assert.equal(strong.decision, undefined);
    const middle = abusive('You are an idiot and everyone here knows it.');
    assert.ok(middle.score >= model.bands.abuse.hold && middle.score < model.bands.abuse.refuse);
    assert.equal(middle.decision, 'hold');
  });

  it('reads insulting words used literally, in compounds or about policies as what they are', () => {
    for (const t of [
      'The sex offender registry should be open to parents.',
      'I was pissed off by the three-hour delay at the airport.',
      'The shut-down of the textile mill cost 400 jobs.',
      'This is a useless policy that helps nobody in the villages.',
      'The fat cats in the banks got their bailout again.',
      'That is tax fraud, plain and simple, and the ministry must act.',
      'A puppet government installed by the army will not last the year.',
      "The minister's plan is a fraud on farmers.",
      'The referee was blind and the decision was a joke.',
      'Great piece! Thanks.',
    ])
      assert.equal(abusive(t).verdict, 'pass', t);
  });

  it("takes the site's bands over the model's, null meaning the model's", () => {
    const text = 'You are an idiot and everyone here knows it.';
    const { score } = abusive(text);
    assert.equal(abusive(text, { hold: Math.min(1, score + 0.01), refuse: null }).verdict, 'pass');
    assert.equal(abusive(text, { hold: score, refuse: null }).verdict, 'fail');
    const refused = abusive(text, { hold: null, refuse: score });
    assert.equal(refused.verdict, 'fail');
    assert.equal(refused.decision, undefined);
  });

  it('passes what has no words to judge', () => {
    assert.equal(abusive('👍 👍').verdict, 'pass');
  });
});
