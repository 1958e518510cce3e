import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadModels } from '../models.ts';
import { prepare } from '../prepared.ts';
import { createAbusiveCheck } from './abusive.ts';
import { createPersonalCheck } from './personal.ts';

// Examples written for Parley: news-site criticism that must pass, and abuse that must not.
const models = loadModels();
const abusive = createAbusiveCheck(models.abusive);
const personal = createPersonalCheck(models.personal);
const check = (fn: typeof abusive, text: string) => fn(prepare(text));

describe('the committed abuse models', () => {
  it('load with their thresholds and score known cases apart', () => {
    assert.ok(models.abusive.threshold > 0.2 && models.abusive.threshold < 0.9);
    assert.ok(models.personal.threshold > 0.2 && models.personal.threshold < 0.9);
    assert.ok(check(abusive, 'Go to hell, you f*cking loser.').score > 0.9);
    assert.ok(check(abusive, 'I think the coach should resign after this defeat.').score < 0.4);
  });
});

describe('abusive', () => {
  it('refuses insults and obscenity, disguised ones too', () => {
    for (const t of [
      'Go to hell, you f*cking loser.',
      'This is complete bullshit from start to finish.',
      'You are an 1d10t and everyone here knows it.',
      'What a stuuupid article, the writer knows nothing.',
    ]) {
      const r = check(abusive, t);
      assert.equal(r.verdict, 'fail', t);
      assert.match(r.reason!, /abusive/);
    }
  });
  it('lets hard criticism of policies, institutions and results through', () => {
    for (const t of [
      'This policy is a disgrace and the ministry should be ashamed of it.',
      'The fisheries deal is a shambles, frankly.',
      'The talks will fail because neither side trusts the other.',
      'The referee was blind and the decision was a joke.',
      'I agree with the minister on this.',
    ])
      assert.equal(check(abusive, t).verdict, 'pass', t);
  });
  it('does not read numbers as disguised words', () => {
    assert.equal(
      check(abusive, 'Comment 455 on this story: the negotiators should publish the quota figures.').verdict,
      'pass',
    );
  });
  it('passes what has no words to judge', () => {
    assert.deepEqual(check(abusive, '👍 👍'), { verdict: 'pass', score: 0 });
  });
});

describe('personal', () => {
  it('refuses attacks on a person: the reader addressed, the writer, someone by name', () => {
    for (const t of [
      'You are an idiot and everyone here knows it.',
      'Whoever wrote this is a moron.',
      'Ravi, you are a liar and a coward.',
      'Shut up, you pathetic little troll.',
    ]) {
      const r = check(personal, t);
      assert.equal(r.verdict, 'fail', t);
      assert.ok(r.evidence && r.evidence.length > 0);
    }
  });
  it('does not take criticism of ideas or groups as personal', () => {
    for (const t of [
      'You clearly did not read the article before commenting.',
      'The ministry is useless at fisheries and always has been.',
      'Their economic plan makes no sense to me at all.',
    ]) {
      assert.equal(check(personal, t).verdict, 'pass', t);
    }
  });
});
