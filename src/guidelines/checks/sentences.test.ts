import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKeyboardMash, sentencesCheck, sentencesVerdict } from './sentences.ts';
import { runCheck } from './testing.ts';

// Examples written for Parley.
const verdict = (text: string) => sentencesVerdict(text).verdict;

describe('the full-sentences rule', () => {
  it('passes prose, including short complete sentences', () => {
    for (const text of [
      'I agree with the minister on this.',
      'This is wrong.',
      'The council should publish the cost estimates before the next vote, not after it.',
      'Finally some good news for farmers in Kerala 🙏',
      'The NRC debate deserves more facts and fewer slogans.',
    ])
      assert.equal(verdict(text), 'pass', text);
  });

  it('passes short complete replies, questions and exclamations', () => {
    for (const text of [
      'Great piece! Thanks.',
      'Necessary for whom?',
      'Well said.',
      'Agreed.',
      'Spot on, Ramesh.',
      'Not again!',
      'Why?',
      'Thank you.',
      'Great job, everyone.',
      'Such a shame.',
    ])
      assert.equal(verdict(text), 'pass', text);
  });

  it('never refuses a sentence for its capitals', () => {
    for (const text of [
      'THIS GOVERNMENT HAS FAILED EVERY SINGLE FARMER IN THE STATE.',
      'WHY IS NOBODY ASKING ABOUT THE WATER TANKERS?',
      'The RBI and SEBI should explain this decision to savers.',
    ])
      assert.equal(verdict(text), 'pass', text);
  });

  it('passes lists and quotes, whose items need no verbs', () => {
    assert.equal(verdict('Three things the budget missed:\n1) Rural roads\n2) Water tanks\n3) Bus depots'), 'pass');
    assert.equal(verdict('- Rural roads\n- Water tanks\n- Bus depots\n- Street lights'), 'pass');
    assert.equal(verdict('> Nothing was decided at the meeting.\nExactly my point.'), 'pass');
  });

  it('refuses lone fragments and slogans', () => {
    for (const text of ['lol', 'nice', '+1', 'FAKE NEWS!!!', 'First!', 'Shame shame', 'So true', 'hahahaha']) {
      const r = sentencesVerdict(text);
      assert.equal(r.verdict, 'fail', text);
      assert.match(r.reason ?? '', /full sentences|random typing/, text);
    }
  });

  it('refuses keyboard mash and word salad', () => {
    for (const text of ['asdfghjkl', 'qwerty qwerty', 'jjjjjjj kkkkk', 'corrupt government scam budget loot taxes']) {
      assert.equal(verdict(text), 'fail', text);
    }
    assert.ok(isKeyboardMash('asdfgh'));
    assert.ok(isKeyboardMash('xcvbnm'));
    assert.ok(!isKeyboardMash('Hyderabad'));
    assert.ok(!isKeyboardMash('strengths'));
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
  it('takes a verb as enough for a short clause', () => {
    assert.equal(verdict('They agree now'), 'pass');
    assert.equal(verdict('It’s fine'), 'pass');
    assert.equal(verdict('Kohli again'), 'fail');
  });
  it('needs the form of a sentence for a short reply without a verb', () => {
    assert.equal(verdict('Great job, everyone.'), 'pass');
    assert.equal(verdict('great job everyone'), 'fail');
    assert.equal(verdict('GREAT JOB EVERYONE!'), 'fail');
    assert.equal(verdict('Great job!!!'), 'fail');
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
