import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flaggedWords, highlightsOf, marksIn, segments } from './highlights.ts';

const idiot = { start: 10, end: 15, rule: 'abusive', type: 'insult', text: 'idiot' };

describe('the flagged words in the composer', () => {
  it('reads highlights from a refusal, ignoring what is not one', () => {
    assert.deepEqual(highlightsOf({ highlights: [idiot, { text: '' }, 3, null] }), [idiot]);
    assert.deepEqual(highlightsOf(undefined), []);
    assert.deepEqual(highlightsOf({ highlights: 'no' }), []);
  });

  it('marks every place a flagged word still stands, and none once it is gone', () => {
    const text = 'You are an Idiot, a real idiot.';
    assert.deepEqual(
      marksIn(text, [idiot]).map((m) => text.slice(m.start, m.end)),
      ['Idiot', 'idiot'],
    );
    assert.deepEqual(marksIn('You are wrong, and here is why.', [idiot]), []);
  });

  it('does not mark one place twice', () => {
    const marks = marksIn('utter idiot', [
      { start: 0, end: 11, rule: 'abusive', text: 'utter idiot' },
      { start: 6, end: 11, rule: 'personal', text: 'idiot' },
    ]);
    assert.deepEqual(marks, [{ start: 0, end: 11, rule: 'abusive' }]);
  });

  it('cuts the text into plain and marked pieces that add up to it', () => {
    const text = 'You idiot, go.\n';
    const parts = segments(text, marksIn(text, [idiot]));
    assert.deepEqual(parts, [
      { text: 'You ' },
      { text: 'idiot', rule: 'abusive', type: 'insult' },
      { text: ', go.\n' },
      { text: ' ' },
    ]);
    assert.equal(
      parts
        .map((p) => p.text)
        .join('')
        .trimEnd(),
      text.trimEnd(),
    );
  });

  it('lists each flagged word once', () => {
    assert.deepEqual(flaggedWords([idiot, { ...idiot, start: 30, end: 35 }]), ['idiot']);
  });
});
