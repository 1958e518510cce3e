import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usableEntry, wordListVerdict } from './word-lists.ts';

const createWordListCheck = (words: string[], reason: string) => (text: string) => wordListVerdict(words, text, reason);

// Harmless stand-in words, so that the test reads cleanly.
const banned = createWordListCheck(
  ['scoundrel', 'crooked politician'],
  'This comment uses a word this site does not publish.',
);

describe('site word lists', () => {
  it('matches whole words and phrases, in any case', () => {
    assert.deepEqual(banned('What a SCOUNDREL he is.').matches, ['scoundrel']);
    assert.deepEqual(banned('Another crooked politician, as usual.').matches, ['crooked politician']);
    assert.equal(banned('What a scoundrel.').verdict, 'fail');
    assert.equal(banned('What a scoundrel.').score, 1);
  });

  it('sees through disguised spellings', () => {
    for (const text of [
      'What a sc0undr3l.',
      'What a s.c.o.u.n.d.r.e.l!',
      'What a scoundreeeel.',
      'What a ѕсоundrеl.',
    ]) {
      assert.equal(banned(text).verdict, 'fail', text);
    }
  });

  it('leaves other words alone', () => {
    for (const text of [
      'The scoundrels of the story are not named.',
      'A crooked path to the harbour.',
      'I agree with the minister on this.',
    ]) {
      assert.equal(banned(text).verdict, 'pass', text);
    }
  });

  it('does nothing with an empty list, and drops entries that are not words', () => {
    const none = createWordListCheck([], 'x');
    assert.equal(none('anything at all').verdict, 'pass');
    const odd = createWordListCheck(['[weird]|word?', '  ', '123', 'fine word'], 'x');
    assert.equal(odd('a [weird]|word? here and 123').verdict, 'pass');
    assert.equal(odd('a fine word here').verdict, 'fail');
  });
});

describe('list entries', () => {
  it('keep words and phrases, in lower case with single spaces', () => {
    assert.equal(usableEntry('  Crooked   Politician '), 'crooked politician');
    assert.equal(usableEntry("o'brien"), "o'brien");
    assert.equal(usableEntry('well-known'), 'well-known');
    assert.equal(usableEntry('123'), undefined);
    assert.equal(usableEntry('a*b'), undefined);
  });
  it('give each match once, and the reason the site chose', () => {
    const r = banned('Scoundrel! A scoundrel, a SCOUNDREL.');
    assert.deepEqual(r, {
      verdict: 'fail',
      score: 1,
      reason: 'This comment uses a word this site does not publish.',
      matches: ['scoundrel'],
      spans: [
        { start: 0, end: 9, type: 'listed' },
        { start: 13, end: 22, type: 'listed' },
        { start: 26, end: 35, type: 'listed' },
      ],
    });
  });
});
