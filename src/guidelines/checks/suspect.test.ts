import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suspectCheck } from './suspect.ts';
import { runCheck } from './testing.ts';

describe('suspect words', () => {
  it('hold a comment with a word of the list for a moderator', () => {
    const r = runCheck(suspectCheck, 'The vote was rigged.', {}, { words: { suspect: ['rigged'] } });
    assert.equal(r.verdict, 'fail');
    assert.deepEqual(r.matches, ['rigged']);
    assert.equal(r.reason, 'A moderator will read your comment before it appears.');
    assert.equal(suspectCheck.rule.decision, 'hold');
  });
  it('pass everything when the list is empty (the default), and ignore the banned list', () => {
    assert.equal(runCheck(suspectCheck, 'The vote was rigged.').verdict, 'pass');
    assert.equal(runCheck(suspectCheck, 'The vote was rigged.', {}, { words: { banned: ['rigged'] } }).verdict, 'pass');
  });
});
