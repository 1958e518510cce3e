import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentencesCheck } from './sentences.ts';

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
      assert.equal(sentencesCheck(text).verdict, 'pass', text);
    }
  });

  it('refuses fragments, slogans and one-word replies', () => {
    for (const text of ['lol', 'nice', '+1', 'FAKE NEWS!!!', 'First!', 'Shame shame', 'So true']) {
      const r = sentencesCheck(text);
      assert.equal(r.verdict, 'fail', text);
      assert.match(r.reason ?? '', /full sentences/, text);
    }
  });

  it('refuses shouting in capitals', () => {
    const r = sentencesCheck('THIS GOVERNMENT HAS FAILED EVERY SINGLE FARMER IN THE STATE');
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason ?? '', /capital letters/);
    // an acronym or two is not shouting
    assert.equal(sentencesCheck('The RBI and SEBI should explain this decision to savers.').verdict, 'pass');
  });

  it('refuses strings of emoji, hashtags, mentions or links', () => {
    for (const text of [
      '🔥🔥🔥',
      '#FakeNews #Resign',
      '@editor @minister',
      'https://example.org/x https://example.org/y',
      '😡 #shame @someone',
    ]) {
      const r = sentencesCheck(text);
      assert.equal(r.verdict, 'fail', text);
      assert.ok(r.score > 0.9, text);
    }
  });
});
