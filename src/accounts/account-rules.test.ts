import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '../sites/sites.repository.ts';
import { accountExport } from './account-export.ts';
import { alreadyRegisteredMail, passwordResetMail, siteLink, verificationMail } from './accounts.mail.ts';
import { lockedUntilAfter, lockRemainingMs } from './login-throttle.ts';
import type { User } from './users.repository.ts';

// The accounts' rules that need no database: the lockout, the e-mails' words
// and the data a reader takes away.

const now = new Date('2026-03-01T12:00:00.000Z');
const site = { id: 's1', name: 'The Daily', baseUrl: 'https://daily.example/' } as Site;

describe('the login lockout', () => {
  it('locks nobody within the allowance', () => {
    assert.equal(lockedUntilAfter(4, 5, now), null);
  });

  it('doubles the wait with each failure past the allowance, up to an hour', () => {
    const minutes = (failures: number) =>
      (new Date(lockedUntilAfter(failures, 5, now)!).getTime() - now.getTime()) / 60_000;
    assert.deepEqual([5, 6, 7, 8].map(minutes), [1, 2, 4, 8]);
    assert.equal(minutes(20), 60);
  });

  it('counts down what is left of a lock, and nothing once it is over', () => {
    assert.equal(lockRemainingMs(null, now), 0);
    assert.equal(lockRemainingMs('2026-03-01T12:00:30.000Z', now), 30_000);
    assert.equal(lockRemainingMs('2026-03-01T11:00:00.000Z', now), 0);
  });
});

describe('the account e-mails', () => {
  it('link into the site without a doubled slash', () => {
    assert.equal(siteLink(site, '/account/login'), 'https://daily.example/account/login');
  });

  it('carry the token in the link, to the address they are for', () => {
    const mail = verificationMail(site, 'a@x.example', 'Ann', 'tok123');
    assert.equal(mail.to, 'a@x.example');
    assert.match(mail.subject, /The Daily/);
    assert.match(mail.text, /https:\/\/daily\.example\/account\/verify\?token=tok123/);
    assert.match(passwordResetMail(site, 'a@x.example', 'Ann', 'r1').text, /\/account\/reset\?token=r1/);
  });

  it('tell an existing account how to log in instead of registering again', () => {
    const mail = alreadyRegisteredMail(site, 'a@x.example');
    assert.match(mail.text, /\/account\/login/);
    assert.match(mail.text, /\/account\/forgot/);
  });
});

describe("a reader's data export", () => {
  it('gives the account, sign-ins and devices, but no password hash', () => {
    const user = {
      id: 'u1',
      siteId: 's1',
      email: 'a@x.example',
      emailVerified: true,
      displayName: 'Ann',
      passwordHash: '$argon2id$secret',
      badges: [],
      role: 'reader',
    } as unknown as User;
    const data = accountExport(
      {
        user,
        identities: [],
        sessions: [
          {
            idHash: 'h',
            publicId: 'p',
            siteId: 's1',
            userId: 'u1',
            createdAt: 'c',
            lastSeenAt: 'l',
            expiresAt: 'e',
            userAgent: 'ua',
            ip: '1.2.3.4',
          },
        ],
        exportedAt: now.toISOString(),
      },
      { comments: [] },
    );
    assert.equal((data.account as { email: string }).email, 'a@x.example');
    assert.deepEqual(data.sessions, [{ createdAt: 'c', lastSeenAt: 'l', userAgent: 'ua', ip: '1.2.3.4' }]);
    assert.deepEqual(data.comments, []);
    assert.doesNotMatch(JSON.stringify(data), /argon2|"h"/);
  });
});
