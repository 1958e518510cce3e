import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUCKETS } from '../linear-model.ts';
import { classifier } from '../models.ts';
import { prepare } from '../prepared.ts';
import { abusiveCheck } from './abusive.ts';
import { CERTAIN, classifierVerdict } from './classifier.ts';
import { runCheck } from './testing.ts';

// Examples written for Parley: news-site criticism that must pass, and abuse that must not.
const abusive = (text: string, threshold?: number | null) =>
  runCheck(abusiveCheck, text, {}, threshold === undefined ? {} : { thresholds: { abusive: threshold } });

describe('the committed abuse models', () => {
  it('load with their thresholds and score known cases apart', () => {
    assert.ok(classifier('abusive').threshold > 0.2 && classifier('abusive').threshold < 0.9);
    assert.ok(classifier('personal').threshold > 0.2 && classifier('personal').threshold < 0.9);
    assert.ok(abusive('Go to hell, you f*cking loser.').score > 0.9);
    assert.ok(abusive('I think the coach should resign after this defeat.').score < 0.4);
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
      const r = abusive(t);
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
      assert.equal(abusive(t).verdict, 'pass', t);
  });
  it('does not read numbers as disguised words', () => {
    assert.equal(
      abusive('Comment 455 on this story: the negotiators should publish the quota figures.').verdict,
      'pass',
    );
  });
  it('passes what has no words to judge', () => {
    assert.deepEqual(abusive('👍 👍'), { verdict: 'pass', score: 0 });
  });
  it("fails from the site's threshold instead of the model's, the score itself included", () => {
    const text = 'You are an idiot and everyone here knows it.';
    const { score } = abusive(text);
    assert.ok(score > classifier('abusive').threshold && score < CERTAIN);
    assert.equal(abusive(text).verdict, 'fail');
    assert.equal(abusive(text, score).verdict, 'fail');
    assert.equal(abusive(text, Math.min(1, score + 0.01)).verdict, 'pass');
    assert.equal(abusive(text, null).verdict, 'fail');
  });
});

describe('a classifier check', () => {
  // A model that gives every text the same score: sigmoid(bias).
  const model = (bias: number) => ({ bias, weights: new Float32Array(BUCKETS), threshold: 0.5 });
  const verdict = (bias: number, text: string, options: { threshold?: number | null; needsTarget?: boolean } = {}) =>
    classifierVerdict(model(bias), prepare(text), 'the reason', {
      threshold: options.threshold ?? null,
      needsTarget: options.needsTarget ?? false,
    });
  const criticism = 'The harbour plan helps nobody in the villages.';

  it('passes below the threshold without looking for evidence', () => {
    assert.deepEqual(verdict(-1, 'You idiot, the plan helps nobody.'), { verdict: 'pass', score: 0.269 });
  });
  it('needs insulting words from the threshold on, or a near-certain score', () => {
    assert.deepEqual(verdict(1, criticism), { verdict: 'pass', score: 0.731, evidence: [] });
    assert.deepEqual(verdict(1, 'You idiot, the plan helps nobody.'), {
      verdict: 'fail',
      score: 0.731,
      reason: 'the reason',
      evidence: ['idiot'],
    });
    const certain = verdict(3, criticism);
    assert.ok(certain.score >= CERTAIN);
    assert.equal(certain.verdict, 'fail');
    assert.deepEqual(certain.evidence, []);
  });
  it('needs a target for a personal attack, however certain', () => {
    assert.equal(verdict(3, criticism, { needsTarget: true }).verdict, 'pass');
    assert.equal(verdict(3, 'Ravi, the plan helps nobody.', { needsTarget: true }).verdict, 'fail');
    assert.equal(verdict(3, 'Your plan helps nobody.', { needsTarget: true }).verdict, 'fail');
  });
  it("takes the site's threshold over the model's", () => {
    assert.equal(verdict(1, 'You idiot, the plan helps nobody.', { threshold: 0.8 }).verdict, 'pass');
    assert.equal(verdict(1, 'You idiot, the plan helps nobody.', { threshold: 0.7 }).verdict, 'fail');
  });
});
