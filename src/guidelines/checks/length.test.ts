import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_CHARS, lengthCheck, lengthVerdict } from './length.ts';
import { runCheck } from './testing.ts';

describe('length', () => {
  it('needs a few letters and fits the limit', () => {
    const length = (text: string, maxChars?: number) => lengthVerdict(text, 2, maxChars);
    assert.equal(length('!').verdict, 'fail');
    assert.equal(length('OK').verdict, 'pass');
    // long, thoughtful comments are welcome: 5,000 characters by default
    assert.equal(length('a'.repeat(5000)).verdict, 'pass');
    assert.equal(length('a'.repeat(5001)).verdict, 'fail');
    assert.match(length('a'.repeat(5001)).reason!, /up to 5000 characters; this one has 5001/);
    assert.equal(length('a'.repeat(2001), 2000).verdict, 'fail');
  });
  it('counts letters and digits in any script, and characters as the reader sees them', () => {
    assert.equal(lengthVerdict('42', 2).verdict, 'pass');
    assert.equal(lengthVerdict('नम', 2).verdict, 'pass');
    assert.equal(lengthVerdict('a 🙂', 2).verdict, 'fail');
    // an emoji is one character, not two UTF-16 units
    assert.equal(lengthVerdict(`${'a'.repeat(DEFAULT_MAX_CHARS - 1)}🙂`, 2).verdict, 'pass');
    assert.equal(lengthVerdict('a'.repeat(DEFAULT_MAX_CHARS + 1), 2).verdict, 'fail');
  });
  it('says which limit the comment missed', () => {
    assert.equal(lengthVerdict('!', 2).reason, 'Comments need at least 2 letters.');
    assert.equal(lengthVerdict('abcdef', 2, 5).reason, 'Comments can be up to 5 characters; this one has 6.');
    assert.deepEqual(lengthVerdict('abcde', 2, 5), { verdict: 'pass', score: 0 });
  });
  it("reads minLetters from the policy and the site's limit from the context", () => {
    assert.equal(runCheck(lengthCheck, 'OK').verdict, 'pass');
    assert.equal(runCheck(lengthCheck, 'OK', {}, { length: { minLetters: 3 } }).verdict, 'fail');
    assert.equal(runCheck(lengthCheck, 'Fine words.', { maxChars: 5 }).verdict, 'fail');
    assert.equal(runCheck(lengthCheck, 'a'.repeat(2001), { maxChars: 3000 }).verdict, 'pass');
    assert.deepEqual(lengthCheck.rule, {
      decision: 'refuse',
      nudge: true,
      message: 'Your comment is too short or too long for this site.',
    });
  });
});
