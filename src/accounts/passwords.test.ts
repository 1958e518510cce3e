import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { createPasswordHasher, passwordProblem } from './passwords.ts';

const COMMON = 'That password is one of the most common ones, which attackers try first: choose another.';

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
    assert.equal(passwordProblem('password123', {}), COMMON);
    assert.equal(passwordProblem('four plain lower words', {}), undefined);
    assert.equal(passwordProblem('x'.repeat(1025), {})?.startsWith('Use at most'), true);
  });

  it('refuses the most common breached passwords, with a number, a symbol or a capital added', () => {
    assert.ok(COMMON_PASSWORDS.size >= 200);
    for (const common of [
      '1234567890',
      'qwertyuiop',
      '1q2w3e4r5t',
      'iloveyou123',
      'Password1!',
      'P@ssw0rd2024',
      'Sunshine2025',
      'football1234',
      'letmein12345',
      'Qwerty123456',
      'pass word 123',
      'dragon!!2024',
      'trustno1trustno1',
    ])
      assert.equal(passwordProblem(common, {}), COMMON, common);
    // a word from the list inside a longer phrase is fine
    assert.equal(passwordProblem('my dragon sleeps at noon', {}), undefined);
    assert.equal(passwordProblem('Tr0ub4dor&3 horse', {}), undefined);
  });

  it('refuses simple sequences and short patterns repeated', () => {
    for (const sequence of [
      'abcdefghijkl',
      '9876543210',
      '123456789012',
      'zyxwvutsrqpo',
      'poiuytrewq',
      'mnbvcxzlkjh',
      '1qaz2wsx3edc',
    ])
      assert.equal(
        passwordProblem(sequence, {}),
        'Do not use a simple sequence such as 1234567890 or qwertyuiop.',
        sequence,
      );
    assert.equal(passwordProblem('abcabcabcabc', {}), 'Do not use a short pattern repeated.');
    assert.equal(passwordProblem('12121212121212', {}), 'Do not use a short pattern repeated.');
  });

  it("refuses the e-mail's name part, the reader's name and the site's name", () => {
    assert.equal(
      passwordProblem('john.smith1990', { email: 'John.Smith@example.org' }),
      'Do not use the name in your e-mail address as your password.',
    );
    assert.equal(
      passwordProblem('Jane Doe Writer!', { email: 'x@example.org', displayName: 'Jane Doe Writer' }),
      'Do not use your name as your password.',
    );
    assert.equal(
      passwordProblem('meridianherald1', { siteName: 'The Meridian Herald' }),
      'Do not use the name of this site as your password.',
    );
    assert.equal(
      passwordProblem('TheMeridianHerald', { siteName: 'The Meridian Herald' }),
      'Do not use the name of this site as your password.',
    );
    assert.equal(passwordProblem('parley12345', {}), 'Do not use the name of this site as your password.');
    assert.equal(
      passwordProblem('a herald of spring rain', { email: 'john@example.org', siteName: 'The Meridian Herald' }),
      undefined,
    );
  });
});
