import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOutboxRepository } from '../mail/outbox.repository.ts';
import { newId } from '../shared/ids.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { createSsoRepository } from '../sso/sso.repository.ts';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { createSessionsRepository } from './sessions.repository.ts';
import { createTokensRepository } from './tokens.repository.ts';
import { createUsersRepository } from './users.repository.ts';

for (const engine of await enginesUnderTest()) {
  describe(`accounts repositories on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    const T = '2026-01-01T00:00:00.000Z';
    before(async () => {
      storage = await engine.open();
      const sites = createSitesRepository(storage);
      for (const id of ['s1', 's2']) {
        await sites.insert({
          id,
          name: id,
          baseUrl: `https://${id}.example`,
          timeZone: 'UTC',
          timeZoneLabel: null,
          language: 'en',
          tagline: '',
          guidelines: '',
          createdAt: T,
        });
      }
    });
    after(async () => {
      await storage.close();
    });

    it('keeps one account per address per site, and the same address on another site apart', async () => {
      const users = createUsersRepository(storage);
      await users.insert({
        id: newId(),
        siteId: 's1',
        email: 'a@x.example',
        emailVerified: false,
        displayName: 'A',
        passwordHash: 'h',
        createdAt: T,
      });
      await assert.rejects(
        users.insert({
          id: newId(),
          siteId: 's1',
          email: 'a@x.example',
          emailVerified: false,
          displayName: 'B',
          passwordHash: 'h',
          createdAt: T,
        }),
      );
      await users.insert({
        id: newId(),
        siteId: 's2',
        email: 'a@x.example',
        emailVerified: false,
        displayName: 'C',
        passwordHash: 'h',
        createdAt: T,
      });
      const u = await users.getByEmail('s1', 'a@x.example');
      assert.equal(u?.displayName, 'A');
      assert.deepEqual(u?.badges, []);
      await users.update(u!.id, {
        emailVerified: true,
        badges: ['subscriber'],
        role: 'moderator',
        sanctionUntil: '2026-02-01T00:00:00.000Z',
      });
      const v = await users.get(u!.id);
      assert.equal(v?.emailVerified, true);
      assert.deepEqual(v?.badges, ['subscriber']);
      assert.equal(v?.role, 'moderator');
      assert.equal(v?.sanctionUntil, '2026-02-01T00:00:00.000Z');
    });

    it('searches users by name or address, case-insensitively, with LIKE characters taken literally', async () => {
      const users = createUsersRepository(storage);
      await users.insert({
        id: newId(),
        siteId: 's1',
        email: 'percent@x.example',
        emailVerified: true,
        displayName: '100% Reader',
        passwordHash: null,
        createdAt: T,
      });
      assert.deepEqual(
        (await users.list({ siteId: 's1', search: 'reader', limit: 10, offset: 0 })).map((u) => u.displayName),
        ['100% Reader'],
      );
      assert.equal((await users.list({ siteId: 's1', search: '%', limit: 10, offset: 0 })).length, 1);
      assert.equal((await users.list({ siteId: 's1', search: 'PERCENT@', limit: 10, offset: 0 })).length, 1);
    });

    it('finds identities and keeps them unique per provider and subject', async () => {
      const users = createUsersRepository(storage);
      const u = (await users.getByEmail('s1', 'a@x.example'))!;
      await users.insertIdentity({
        id: newId(),
        siteId: 's1',
        userId: u.id,
        provider: 'sso',
        subject: 'p-1',
        email: null,
        createdAt: T,
        lastLoginAt: null,
      });
      await assert.rejects(
        users.insertIdentity({
          id: newId(),
          siteId: 's1',
          userId: u.id,
          provider: 'sso',
          subject: 'p-1',
          email: null,
          createdAt: T,
          lastLoginAt: null,
        }),
      );
      assert.equal((await users.findIdentity('s1', 'sso', 'p-1'))?.userId, u.id);
      assert.equal(await users.findIdentity('s2', 'sso', 'p-1'), undefined);
    });

    it('stores sessions by hash and revokes them', async () => {
      const users = createUsersRepository(storage);
      const sessions = createSessionsRepository(storage);
      const u = (await users.getByEmail('s1', 'a@x.example'))!;
      for (const n of [1, 2, 3]) {
        await sessions.insert({
          idHash: `h${n}`,
          publicId: `p${n}`,
          siteId: 's1',
          userId: u.id,
          createdAt: T,
          lastSeenAt: T,
          expiresAt: n === 3 ? '2025-01-01T00:00:00.000Z' : '2027-01-01T00:00:00.000Z',
          userAgent: 'ua',
          ip: '1.2.3.4',
        });
      }
      assert.equal((await sessions.getByPublicId('p2'))?.idHash, 'h2');
      assert.equal(await sessions.deleteExpired(T), 1);
      assert.equal(await sessions.deleteForUser(u.id, 'h1'), 1);
      assert.deepEqual(
        (await sessions.listForUser(u.id)).map((s) => s.publicId),
        ['p1'],
      );
    });

    it('uses an e-mailed token once, and not after it expires', async () => {
      const tokens = createTokensRepository(storage);
      await tokens.insert({
        idHash: 't1',
        siteId: 's1',
        userId: null,
        purpose: 'verify_email',
        payload: { email: 'a@x.example' },
        createdAt: T,
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
      assert.equal(await tokens.consume('t1', 'reset_password', T), undefined);
      assert.deepEqual((await tokens.consume('t1', 'verify_email', T))?.payload, { email: 'a@x.example' });
      assert.equal(await tokens.consume('t1', 'verify_email', T), undefined);
      await tokens.insert({
        idHash: 't2',
        siteId: 's1',
        userId: null,
        purpose: 'verify_email',
        payload: {},
        createdAt: T,
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
      assert.equal(await tokens.consume('t2', 'verify_email', '2026-01-03T00:00:00.000Z'), undefined);
    });

    it('counts login failures with an upsert', async () => {
      const tokens = createTokensRepository(storage);
      await tokens.throttleSet('s1', 'email:a', 1, null, T);
      await tokens.throttleSet('s1', 'email:a', 2, '2026-01-01T00:01:00.000Z', T);
      assert.deepEqual(await tokens.throttleGet('s1', 'email:a'), {
        failures: 2,
        lockedUntil: '2026-01-01T00:01:00.000Z',
      });
      await tokens.throttleClear('s1', 'email:a');
      assert.equal(await tokens.throttleGet('s1', 'email:a'), undefined);
    });

    it('counts a burst of login attempts atomically: none past the lock', async () => {
      const tokens = createTokensRepository(storage);
      const locks = [null, null, '2026-01-01T00:01:00.000Z', '2026-01-01T00:02:00.000Z'];
      const tries = await Promise.all(
        Array.from({ length: 20 }, () => tokens.throttleAttempt('s1', 'email:burst', T, locks)),
      );
      const counted = tries.filter(Boolean);
      assert.equal(counted.length, 3, 'the third attempt locks the key; the others are refused unchecked');
      assert.deepEqual(await tokens.throttleGet('s1', 'email:burst'), {
        failures: 3,
        lockedUntil: '2026-01-01T00:01:00.000Z',
      });
      // A right password takes its attempt back, and the lock it set.
      await tokens.throttleRelease('s1', 'email:burst', '2026-01-01T00:01:00.000Z');
      assert.deepEqual(await tokens.throttleGet('s1', 'email:burst'), { failures: 2, lockedUntil: null });
      // After a lock ends, one more attempt counts and locks for longer.
      await tokens.throttleSet('s1', 'email:burst', 3, '2026-01-01T00:01:00.000Z', T);
      const later = '2026-01-01T00:01:00.000Z';
      assert.deepEqual(await tokens.throttleAttempt('s1', 'email:burst', later, locks), {
        failures: 4,
        lockedUntil: '2026-01-01T00:02:00.000Z',
      });
      assert.equal(await tokens.throttleAttempt('s1', 'email:burst', later, locks), undefined);
    });

    it('remembers sign-on token ids so that each works once', async () => {
      const sso = createSsoRepository(storage);
      assert.equal(await sso.useTokenId('s1', 'jti-1', '2026-01-01T01:00:00.000Z'), true);
      assert.equal(await sso.useTokenId('s1', 'jti-1', '2026-01-01T01:00:00.000Z'), false);
      assert.equal(await sso.useTokenId('s2', 'jti-1', '2026-01-01T01:00:00.000Z'), true);
      await sso.saveSettings({
        siteId: 's1',
        algorithm: 'HS256',
        secret: 'x'.repeat(32),
        publicKey: null,
        jwksUrl: null,
        issuer: null,
        audience: 'a',
        signOnOnly: true,
        loginUrl: null,
      });
      await sso.saveSettings({
        siteId: 's1',
        algorithm: 'HS256',
        secret: 'y'.repeat(32),
        publicKey: null,
        jwksUrl: null,
        issuer: null,
        audience: 'b',
        signOnOnly: false,
        loginUrl: null,
      });
      const s = await sso.getSettings('s1');
      assert.equal(s?.audience, 'b');
      assert.equal(s?.signOnOnly, false);
    });

    it('keeps mail in the outbox, newest first', async () => {
      const outbox = createOutboxRepository(storage);
      await outbox.insert({
        id: newId(),
        siteId: 's1',
        to: 'a@x.example',
        subject: 'one',
        text: 't',
        createdAt: T,
        sentAt: null,
        error: null,
      });
      const id = newId();
      await outbox.insert({
        id,
        siteId: 's1',
        to: 'a@x.example',
        subject: 'two',
        text: 't',
        createdAt: '2026-01-01T00:00:01.000Z',
        sentAt: null,
        error: null,
      });
      await outbox.markSent(id, T);
      const list = await outbox.list('s1', 10);
      assert.deepEqual(
        list.map((m) => m.subject),
        ['two', 'one'],
      );
      assert.equal(list[0]?.sentAt, T);
    });
  });
}
