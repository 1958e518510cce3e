import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postingBlock } from '../accounts/sanctions.ts';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser } from '../http/testing.ts';
import { newId } from '../shared/ids.ts';

describe('admin: roles, suspensions and bans', () => {
  let app: App;
  let readerId: string;
  before(async () => {
    app = await buildTestApp();
    await createTestUser(app, { email: 'admin@example.org', name: 'Site Admin', role: 'admin' });
    await createTestUser(app, { email: 'mod@example.org', name: 'A Moderator', role: 'moderator' });
    readerId = await createTestUser(app, { email: 'reader@example.org', name: 'Plain Reader' });
  });
  after(async () => {
    await app.close();
  });

  it('is for admins only', async () => {
    assert.equal((await agent(app).get('/admin/users', { accept: 'application/json' })).status, 401);
    const mod = agent(app);
    await mod.login('mod@example.org');
    const res = await mod.get('/admin/users', { accept: 'application/json' });
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'FORBIDDEN');
    assert.equal((await mod.get('/admin/outbox', { accept: 'application/json' })).status, 403);
  });

  it('lists and searches readers', async () => {
    const admin = agent(app);
    await admin.login('admin@example.org');
    const all = await admin.get('/admin/users');
    assert.equal(all.status, 200);
    assert.match(all.body, /Plain Reader/);
    const found = await admin.get('/admin/users?q=plain');
    assert.match(found.body, /Plain Reader/);
    assert.doesNotMatch(found.body, /A Moderator/);
  });

  it('changes roles, but never takes away its own admin role', async () => {
    const admin = agent(app);
    await admin.login('admin@example.org');
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${readerId}/role`, { role: 'editor' })).status, 303);
    assert.equal((await app.services.usersRepository.get(readerId))?.role, 'editor');
    await admin.post(`/admin/users/${readerId}/role`, { role: 'reader' });
    const self = (await app.services.usersRepository.getByEmail('demo', 'admin@example.org'))!;
    assert.equal((await admin.post(`/admin/users/${self.id}/role`, { role: 'reader' })).status, 403);
  });

  it("ends the user's sessions when their role changes: they sign in again with the new role", async () => {
    const id = await createTestUser(app, { email: 'promoted@example.org', name: 'Soon Promoted' });
    const phone = agent(app);
    const laptop = agent(app);
    await phone.login('promoted@example.org');
    await laptop.login('promoted@example.org');
    assert.equal((await phone.get('/account')).status, 200);
    const admin = agent(app);
    await admin.login('admin@example.org');
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${id}/role`, { role: 'moderator' })).status, 303);
    assert.equal((await phone.get('/account')).status, 303);
    assert.equal((await laptop.get('/account')).status, 303);
    assert.equal((await app.services.sessions.list(id)).length, 0);
    // the admin's own session is untouched, and a role left as it was ends nothing
    assert.equal((await admin.get('/admin/users')).status, 200);
    await phone.login('promoted@example.org');
    await admin.post(`/admin/users/${id}/role`, { role: 'moderator' });
    assert.equal((await phone.get('/account')).status, 200);
  });

  it('suspends until a date in the site zone, bans, and lifts; the reader is told why', async () => {
    const admin = agent(app);
    await admin.login('admin@example.org');
    await admin.get('/admin/users');
    assert.equal(
      (
        await admin.post(`/admin/users/${readerId}/suspend`, {
          until: '2026-07-01',
          reason: 'Repeated personal attacks',
        })
      ).status,
      303,
    );
    let user = (await app.services.usersRepository.get(readerId))!;
    assert.equal(user.status, 'suspended');
    // the day begins at midnight in India, 18:30 UTC the evening before
    assert.equal(user.sanctionUntil, '2026-06-30T18:30:00.000Z');
    const block = postingBlock(user, new Date('2026-06-15T00:00:00Z'));
    assert.equal(block?.code, 'ACCOUNT_SUSPENDED');
    assert.match(block?.message ?? '', /until 2026-06-30T18:30:00.000Z: Repeated personal attacks/);
    assert.equal(postingBlock(user, new Date('2026-07-02T00:00:00Z')), undefined);

    const reader = agent(app);
    await reader.login('reader@example.org');
    const profile = await reader.get('/account');
    assert.match(profile.body, /Your account is suspended until/);
    assert.match(profile.body, /You can still read and log in/);

    await admin.get('/admin/users');
    await admin.post(`/admin/users/${readerId}/lift`);
    await admin.get('/admin/users');
    await admin.post(`/admin/users/${readerId}/ban`, { reason: 'Spam' });
    user = (await app.services.usersRepository.get(readerId))!;
    assert.equal(postingBlock(user, new Date())?.code, 'ACCOUNT_BANNED');
    await admin.get('/admin/users');
    await admin.post(`/admin/users/${readerId}/lift`);
    assert.equal((await app.services.usersRepository.get(readerId))?.status, 'active');
  });

  it('cannot act on a reader of another site', async () => {
    await app.services.sitesRepository.insert({
      id: 'other',
      name: 'Other Paper',
      baseUrl: 'https://other.test',
      timeZone: 'UTC',
      timeZoneLabel: null,
      language: 'en',
      tagline: '',
      guidelines: '',
      createdAt: new Date().toISOString(),
    });
    const foreign = newId();
    await app.services.usersRepository.insert({
      id: foreign,
      siteId: 'other',
      email: 'x@other.test',
      emailVerified: true,
      displayName: 'Foreign',
      passwordHash: null,
      createdAt: new Date().toISOString(),
    });
    const admin = agent(app);
    await admin.login('admin@example.org');
    await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${foreign}/ban`, { reason: 'x' });
    assert.equal(res.status, 404);
    assert.equal((await app.services.usersRepository.get(foreign))?.status, 'active');
  });

  it('shows the outbox to admins', async () => {
    const admin = agent(app);
    await admin.login('admin@example.org');
    await app.services.mailer.send({
      siteId: 'demo',
      to: 'someone@example.org',
      subject: 'Hello from the outbox',
      text: 'Body <b>text</b>',
    });
    const res = await admin.get('/admin/outbox');
    assert.match(res.body, /Hello from the outbox/);
    assert.match(res.body, /Body &lt;b&gt;text&lt;\/b&gt;/);
    assert.match(res.body, /No SMTP_URL is set/);
  });
});
