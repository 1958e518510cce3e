import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPasswordHasher, passwordProblem } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters by default', async () => {
    const hasher = createPasswordHasher();
    const hash = await hasher.hash('a perfectly fine phrase');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await hasher.verify(hash, 'a perfectly fine phrase'), true);
    assert.equal(await hasher.verify(hash, 'a perfectly fine phrasE'), false);
    assert.equal(await hasher.verify('not a hash', 'x'), false);
  });

  it('asks for length, not for symbol games', () => {
    assert.equal(passwordProblem('short', {}), 'Use at least 10 characters.');
    assert.equal(passwordProblem('aaaaaaaaaaaa', {}), 'Do not use one character repeated.');
    assert.equal(
      passwordProblem('me@example.org', { email: 'me@example.org' }),
      'Do not use your e-mail address as your password.',
    );
    assert.equal(passwordProblem('password123', {}), 'That password is too common.');
    assert.equal(passwordProblem('four plain lower words', {}), undefined);
    assert.equal(passwordProblem('x'.repeat(1025), {})?.startsWith('Use at most'), true);
  });
});
