import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentencesCheck, sentencesVerdict } from './sentences.ts';
import { runCheck } from './testing.ts';

// Examples written for Parley.
describe('the full-sentences rule', () => {
  it('passes prose, including short complete sentences', () => {
    for (const text of [
      'I agree with the minister on this.',
      'Well said.',
      'This is wrong.',
      'The council should publish the cost estimates before the next vote, not after it.',
      'Finally some good news for farmers in Kerala 🙏',
      'The NRC debate deserves more facts and fewer slogans.',
    ]) {
      assert.equal(sentencesVerdict(text).verdict, 'pass', text);
    }
  });

  it('refuses fragments, slogans and one-word replies', () => {
    for (const text of ['lol', 'nice', '+1', 'FAKE NEWS!!!', 'First!', 'Shame shame', 'So true']) {
      const r = sentencesVerdict(text);
      assert.equal(r.verdict, 'fail', text);
      assert.match(r.reason ?? '', /full sentences/, text);
    }
  });

  it('refuses shouting in capitals', () => {
    const r = sentencesVerdict('THIS GOVERNMENT HAS FAILED EVERY SINGLE FARMER IN THE STATE');
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason ?? '', /capital letters/);
    // an acronym or two is not shouting
    assert.equal(sentencesVerdict('The RBI and SEBI should explain this decision to savers.').verdict, 'pass');
  });

  it('refuses strings of emoji, hashtags, mentions or links', () => {
    for (const text of [
      '🔥🔥🔥',
      '#FakeNews #Resign',
      '@editor @minister',
      'https://example.org/x https://example.org/y',
      '😡 #shame @someone',
    ]) {
      const r = sentencesVerdict(text);
      assert.equal(r.verdict, 'fail', text);
      assert.ok(r.score > 0.9, text);
    }
  });
});

describe('the full-sentences edges', () => {
  it('takes four words as prose without looking for a verb, three words only with one', () => {
    assert.equal(sentencesVerdict('Great job, everyone here.').verdict, 'pass');
    assert.equal(sentencesVerdict('Great job, everyone.').verdict, 'fail');
    assert.equal(sentencesVerdict('Such a shame.').verdict, 'fail');
    assert.equal(sentencesVerdict('They agree now.').verdict, 'pass');
    assert.equal(sentencesVerdict('It’s fine.').verdict, 'pass');
  });
  it('shouts from 70% capitals and at least 12 letters', () => {
    assert.equal(sentencesVerdict('STOP THIS AT ONCE').verdict, 'fail');
    // eleven letters: an acronym-heavy line, not shouting
    assert.equal(sentencesVerdict('STOP THIS NOW').verdict, 'pass');
    assert.equal(sentencesVerdict('STOP THIS NOW please, we all know it').verdict, 'pass');
  });
  it('scores short prose higher than long prose', () => {
    assert.equal(sentencesVerdict('This is wrong.').score, 0.3);
    assert.equal(sentencesVerdict('This is wrong, and everyone can see it.').score, 0.05);
  });
  it('refuses with a nudge by default', () => {
    assert.equal(runCheck(sentencesCheck, 'lol').verdict, 'fail');
    assert.deepEqual(sentencesCheck.rule, {
      decision: 'refuse',
      nudge: true,
      message: 'Comments have to be in full sentences.',
    });
  });
});
