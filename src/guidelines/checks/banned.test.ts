import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bannedCheck } from './banned.ts';
import { runCheck } from './testing.ts';

describe('banned words', () => {
  it("refuse a comment with a word of the site's list, with the site's message, without a nudge", () => {
    const r = runCheck(bannedCheck, 'What a scoundrel.', {}, { words: { banned: ['scoundrel'] } });
    assert.equal(r.verdict, 'fail');
    assert.deepEqual(r.matches, ['scoundrel']);
    assert.equal(r.reason, 'Your comment uses words this site does not publish.');
    assert.deepEqual(bannedCheck.rule, {
      decision: 'refuse',
      nudge: false,
      message: 'Your comment uses words this site does not publish.',
    });
  });
  it("give the site's own message as the reason", () => {
    const changes = { words: { banned: ['scoundrel'] }, rules: { banned: { message: 'Not here.' } } };
    assert.equal(runCheck(bannedCheck, 'What a scoundrel.', {}, changes).reason, 'Not here.');
  });
  it('pass everything when the list is empty (the default), and ignore the suspect list', () => {
    assert.equal(runCheck(bannedCheck, 'What a scoundrel.').verdict, 'pass');
    assert.equal(runCheck(bannedCheck, 'What a scoundrel.', {}, { words: { suspect: ['scoundrel'] } }).verdict, 'pass');
  });
});
