import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, errorCode, lastMail } from '../http/testing.ts';
import type { Site } from '../sites/sites.repository.ts';
import { claimLegacyComments } from './claims.ts';
import { confirmClaimLink, requestClaimLink } from './claims.usecases.ts';
import { readJsonl } from './formats/jsonl.ts';
import { importComments } from './imports.usecases.ts';

// Claiming imported comments: the rules of the links and of what counts as proof.

describe('legacy claims', () => {
  let app: App;
  let now = new Date('2026-06-15T06:30:00.000Z');
  let site: Site;
  const user = async (email: string): Promise<User> =>
    (await app.services.usersRepository.get(await createTestUser(app, { email })))!;
  const code = errorCode;
  const mine = async (u: User) =>
    (await app.services.commentsRepository.listByAuthor(u.id, undefined, 100)).map((c) => c.body);
  const tokenOf = async (to: string) => /token=(\S+)/.exec((await lastMail(app, to)).text)![1]!;

  before(async () => {
    app = await buildTestApp({ now: () => now });
    site = (await app.services.sitesRepository.get('demo'))!;
    const line = (id: string, author: Record<string, string>, text: string) =>
      JSON.stringify({
        type: 'comment',
        id,
        url: 'https://old.example/x',
        author,
        text,
        createdAt: '2020-01-01T00:00:00Z',
      });
    const file = [
      line('o1', { name: 'Old Asha', email: 'old-asha@example.org' }, 'Written under the old address.'),
      line('o2', { name: 'Paper Ravi', id: 'paper-42' }, 'Written by a subscriber of the paper.'),
      line('o3', { name: 'Old Kabir', email: 'kabir@example.org' }, 'Written under the address still in use.'),
    ].join('\n');
    await importComments(app.services, readJsonl(Readable.from([file])), {
      siteId: 'demo',
      baseUrl: 'https://news.test',
      source: 'jsonl',
      now: () => now,
    });
  });
  after(async () => {
    await app.close();
  });

  it('gives a reader what was written under their verified address, once', async () => {
    const kabir = await user('kabir@example.org');
    assert.equal(await claimLegacyComments(app.services, kabir), 1);
    assert.deepEqual(await mine(kabir), ['Written under the address still in use.']);
    assert.equal(await claimLegacyComments(app.services, kabir), 0);
  });

  it('needs the address to be verified', async () => {
    const other = await user('old-asha@example.org');
    assert.equal(await claimLegacyComments(app.services, { ...other, emailVerified: false }), 0);
    assert.deepEqual(await mine(other), []);
  });

  it("gives a publisher sign-on reader what the old platform's same user id wrote", async () => {
    const ravi = await user('ravi@example.org');
    await app.services.usersRepository.insertIdentity({
      id: 'idn-1',
      siteId: 'demo',
      userId: ravi.id,
      provider: 'sso',
      subject: 'paper-42',
      email: null,
      createdAt: now.toISOString(),
      lastLoginAt: null,
    });
    assert.equal(await claimLegacyComments(app.services, ravi), 1);
    assert.deepEqual(await mine(ravi), ['Written by a subscriber of the paper.']);
  });

  it('sends a link to an old address only when comments were imported under it, and only to its asker', async () => {
    const asha = await user('asha-now@example.org');
    const stranger = await user('stranger@example.org');
    await requestClaimLink(app.services, { site, user: asha, email: 'nobody-wrote@example.org' });
    assert.equal((await app.services.outboxRepository.list('demo', 10, 'nobody-wrote@example.org')).length, 0);
    assert.equal(
      await code(requestClaimLink(app.services, { site, user: asha, email: 'not an address' })),
      'CLAIM_EMAIL_INVALID',
    );
    await requestClaimLink(app.services, { site, user: asha, email: ' Old-Asha@Example.org ' });
    const token = await tokenOf('old-asha@example.org');
    // Someone else following it changes nothing: the link stays the asker's.
    assert.equal(await code(confirmClaimLink(app.services, { site, user: stranger, token })), 'CLAIM_LINK_INVALID');
    assert.equal(await confirmClaimLink(app.services, { site, user: asha, token }), 1);
    assert.deepEqual(await mine(asha), ['Written under the old address.']);
    assert.equal(await code(confirmClaimLink(app.services, { site, user: asha, token })), 'CLAIM_LINK_INVALID');
  });

  it('lets a link expire after a day, and refuses made-up ones', async () => {
    const u = await user('late@example.org');
    assert.equal(await code(confirmClaimLink(app.services, { site, user: u, token: 'made-up' })), 'CLAIM_LINK_INVALID');
    const file = JSON.stringify({
      type: 'comment',
      id: 'o9',
      url: 'https://old.example/y',
      author: { name: 'Late', email: 'late-old@example.org' },
      text: 'Claimed too late.',
      createdAt: '2020-01-01T00:00:00Z',
    });
    await importComments(app.services, readJsonl(Readable.from([file])), {
      siteId: 'demo',
      baseUrl: 'https://news.test',
      source: 'jsonl',
      now: () => now,
    });
    await requestClaimLink(app.services, { site, user: u, email: 'late-old@example.org' });
    const token = await tokenOf('late-old@example.org');
    now = new Date(now.getTime() + 24 * 3_600_000);
    assert.equal(await code(confirmClaimLink(app.services, { site, user: u, token })), 'CLAIM_LINK_INVALID');
    assert.deepEqual(await mine(u), []);
  });

  it('sends a few links an hour per reader at most', async () => {
    const u = await user('eager@example.org');
    for (let i = 0; i < 5; i++) await requestClaimLink(app.services, { site, user: u, email: `try${i}@example.org` });
    assert.equal(
      await code(requestClaimLink(app.services, { site, user: u, email: 'try5@example.org' })),
      'CLAIM_RATE_LIMITED',
    );
    now = new Date(now.getTime() + 3_600_000);
    await requestClaimLink(app.services, { site, user: u, email: 'try6@example.org' });
  });
});
