import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser, lastMail, pathOf } from '../http/testing.ts';
import { SESSION_COOKIE } from './auth.ts';

const PASSWORD = 'correct horse battery';

describe('reader accounts', () => {
  let app: App;
  let now = new Date('2026-06-15T06:30:00.000Z');
  before(async () => {
    app = await buildTestApp({ now: () => now });
  });
  after(async () => {
    await app.close();
  });

  it('registers, confirms the address through the e-mailed link, and logs in', async () => {
    const reader = agent(app);
    assert.equal((await reader.get('/account/register')).status, 200);
    const done = await reader.post('/account/register', {
      email: 'Asha@Example.org ',
      displayName: 'Asha K',
      password: 'monsoon rains are here',
    });
    assert.equal(done.status, 200);
    assert.match(done.body, /Check your e-mail/);
    const mail = await lastMail(app, 'asha@example.org');
    assert.match(mail.subject, /Confirm your e-mail address for The Meridian Herald/);
    assert.match(mail.link ?? '', /^https:\/\/news\.test\/account\/verify\?token=/);
    const user = await app.services.usersRepository.getByEmail('demo', 'asha@example.org');
    assert.equal(user?.emailVerified, false);
    assert.match(user?.passwordHash ?? '', /^\$argon2id\$/);

    const confirmed = await reader.get(pathOf(mail.link));
    assert.equal(confirmed.status, 200);
    assert.match(confirmed.body, /E-mail address confirmed/);
    assert.equal((await app.services.usersRepository.getByEmail('demo', 'asha@example.org'))?.emailVerified, true);
    // a link works once
    assert.equal((await reader.get(pathOf(mail.link))).status, 400);

    const login = await reader.login('asha@example.org', 'monsoon rains are here');
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/account');
    const profile = await reader.get('/account');
    assert.equal(profile.status, 200);
    assert.match(profile.body, /<h1>Your account<\/h1>/);
    assert.match(profile.body, /asha@example.org \(confirmed\)/);
    assert.equal(profile.headers['cache-control'], 'private, no-store');
  });

  it('gives the same answer for an address that is already registered, and tells its owner by e-mail', async () => {
    await createTestUser(app, { email: 'taken@example.org' });
    const reader = agent(app);
    await reader.get('/account/register');
    const res = await reader.post('/account/register', {
      email: 'taken@example.org',
      displayName: 'Someone',
      password: 'another good phrase',
    });
    assert.equal(res.status, 200);
    assert.match(res.body, /Check your e-mail/);
    assert.match((await lastMail(app, 'taken@example.org')).subject, /You already have an account/);
  });

  it('explains what is wrong with a registration', async () => {
    const reader = agent(app);
    await reader.get('/account/register');
    const weak = await reader.post('/account/register', {
      email: 'new@example.org',
      displayName: 'New',
      password: 'short',
    });
    assert.equal(weak.status, 400);
    assert.match(weak.body, /Use at least 10 characters/);
    assert.match(weak.body, /value="new@example.org"/);
    const email = await reader.post('/account/register', {
      email: 'not-an-address',
      displayName: 'New',
      password: 'long enough phrase',
    });
    assert.match(email.body, /does not look like an e-mail address/);
    const name = await reader.post('/account/register', {
      email: 'new@example.org',
      displayName: 'N',
      password: 'long enough phrase',
    });
    assert.match(name.body, /A display name needs 2 to 50 characters/);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    await createTestUser(app, { email: 'known@example.org' });
    const a = await agent(app).login('known@example.org', 'wrong password here');
    const b = await agent(app).login('nobody@example.org', 'wrong password here');
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    const message = (body: string) => /<div class="notice error"[^>]*>([^<]+)</.exec(body)?.[1];
    assert.equal(message(a.body), message(b.body));
    assert.equal(message(a.body), 'That e-mail address and password do not match an account.');
  });

  it('locks out guessing with growing delays, for known and unknown addresses alike', async () => {
    await createTestUser(app, { email: 'target@example.org' });
    for (const email of ['target@example.org', 'ghost@example.org']) {
      for (let i = 0; i < 5; i++)
        assert.equal((await agent(app, { ip: `198.51.100.${i}` }).login(email, 'guess number one')).status, 401);
      const locked = await agent(app, { ip: '198.51.100.99' }).login(email, PASSWORD);
      assert.equal(locked.status, 429, email);
      assert.match(locked.body, /Too many attempts to log in. Please try again in 1 minute/);
      assert.equal(locked.headers['retry-after'], '60');
    }
    now = new Date(now.getTime() + 61_000);
    assert.equal((await agent(app).login('target@example.org', PASSWORD)).status, 303);
    // one more failure after a success starts again from zero
    assert.equal((await agent(app).login('target@example.org', 'guess again')).status, 401);
  });

  it('gives a new session id at login, so a planted one is worthless', async () => {
    await createTestUser(app, { email: 'fixation@example.org' });
    const victim = agent(app);
    victim.setCookie(SESSION_COOKIE, 'planted-by-attacker.signature');
    await victim.login('fixation@example.org');
    const issued = victim.cookie(SESSION_COOKIE);
    assert.ok(issued && issued !== 'planted-by-attacker.signature');
    const attacker = agent(app);
    attacker.setCookie(SESSION_COOKIE, 'planted-by-attacker.signature');
    assert.equal((await attacker.get('/account')).status, 303);
    // and logging in again replaces the session, the old one stops working
    const old = issued!;
    await victim.login('fixation@example.org');
    const stale = agent(app);
    stale.setCookie(SESSION_COOKIE, old);
    assert.equal((await stale.get('/account')).status, 303);
  });

  it("refuses a form without the CSRF token, or with someone else's", async () => {
    await createTestUser(app, { email: 'csrf@example.org' });
    const reader = agent(app);
    await reader.login('csrf@example.org');
    await reader.get('/account');
    reader.csrf = '';
    const bare = await reader.post('/account/name', { displayName: 'Hacked' });
    assert.equal(bare.status, 403);
    assert.match(bare.body, /CSRF_TOKEN_INVALID/);
    const other = agent(app);
    await other.get('/account/login');
    reader.csrf = other.csrf;
    assert.equal((await reader.post('/account/name', { displayName: 'Hacked' })).status, 403);
    assert.notEqual((await app.services.usersRepository.getByEmail('demo', 'csrf@example.org'))?.displayName, 'Hacked');
    // and a login form posted from another site has no valid token either
    const crossSite = agent(app);
    assert.equal(
      (await crossSite.post('/account/login', { email: 'csrf@example.org', password: PASSWORD })).status,
      403,
    );
  });

  it('logs out', async () => {
    await createTestUser(app, { email: 'leaving@example.org' });
    const reader = agent(app);
    await reader.login('leaving@example.org');
    const page = await reader.get('/');
    assert.match(page.body, /Log out/);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    const out = await reader.post('/account/logout');
    assert.equal(out.status, 303);
    assert.equal(reader.cookie(SESSION_COOKIE), undefined);
    assert.equal((await reader.get('/account')).status, 303);
  });

  it('resets a forgotten password by e-mail and logs out every device', async () => {
    await createTestUser(app, { email: 'forgetful@example.org' });
    const laptop = agent(app);
    await laptop.login('forgetful@example.org');
    const reader = agent(app);
    await reader.get('/account/forgot');
    const unknown = await reader.post('/account/forgot', { email: 'nobody-here@example.org' });
    const known = await reader.post('/account/forgot', { email: 'forgetful@example.org' });
    assert.equal(unknown.status, 200);
    assert.equal(known.status, 200);
    assert.equal(
      /<div class="notice[^>]*>([^<]+)/.exec(unknown.body)?.[1],
      /<div class="notice[^>]*>([^<]+)/.exec(known.body)?.[1],
    );
    const mail = await lastMail(app, 'forgetful@example.org');
    await reader.get(pathOf(mail.link));
    const token = new URL(mail.link!).searchParams.get('token')!;
    const weak = await reader.post('/account/reset', { token, password: 'short' });
    assert.equal(weak.status, 400);
    const done = await reader.post('/account/reset', { token, password: 'a brand new phrase' });
    assert.equal(done.status, 200);
    assert.match(done.body, /Password changed/);
    assert.equal((await reader.post('/account/reset', { token, password: 'yet another phrase' })).status, 400);
    assert.equal((await laptop.get('/account')).status, 303);
    assert.equal((await agent(app).login('forgetful@example.org')).status, 401);
    assert.equal((await agent(app).login('forgetful@example.org', 'a brand new phrase')).status, 303);
  });

  it('changes the password, keeps this device signed in and logs out every other one', async () => {
    await createTestUser(app, { email: 'changer@example.org' });
    const phone = agent(app);
    const desktop = agent(app);
    await phone.login('changer@example.org');
    await desktop.login('changer@example.org');
    await desktop.get('/account');
    // the site's own name, or a common password with a year added, will not do
    for (const weak of ['Meridian Herald 2026', 'Sunshine2026!']) {
      const refused = await desktop.post('/account/password', { current: PASSWORD, password: weak });
      assert.equal(refused.status, 400);
      assert.match(refused.body, /name of this site|most common/);
    }
    assert.equal((await phone.get('/account')).status, 200);
    const res = await desktop.post('/account/password', { current: PASSWORD, password: 'a fresh long phrase' });
    assert.equal(res.status, 303);
    assert.equal((await phone.get('/account')).status, 303);
    assert.equal((await desktop.get('/account')).status, 200);
    assert.equal((await agent(app).login('changer@example.org', 'a fresh long phrase')).status, 303);
  });

  it('changes the e-mail address only through a link sent to the new one', async () => {
    await createTestUser(app, { email: 'mover@example.org' });
    const reader = agent(app);
    await reader.login('mover@example.org');
    await reader.get('/account');
    const wrong = await reader.post('/account/email', { email: 'moved@example.org', password: 'not my password' });
    assert.equal(wrong.status, 403);
    const asked = await reader.post('/account/email', { email: 'moved@example.org', password: PASSWORD });
    assert.equal(asked.headers.location, '/account?notice=email-sent');
    assert.equal(
      (await app.services.usersRepository.getByEmail('demo', 'mover@example.org'))?.email,
      'mover@example.org',
    );
    const mail = await lastMail(app, 'moved@example.org');
    const confirmed = await reader.get(pathOf(mail.link));
    assert.equal(confirmed.headers.location, '/account?notice=email-changed');
    assert.ok(await app.services.usersRepository.getByEmail('demo', 'moved@example.org'));
    assert.match((await lastMail(app, 'mover@example.org')).subject, /e-mail address was changed/);
  });

  it('changes the display name at most once a day', async () => {
    await createTestUser(app, { email: 'renamer@example.org', name: 'First Name' });
    const reader = agent(app);
    await reader.login('renamer@example.org');
    await reader.get('/account');
    assert.equal(
      (await reader.post('/account/name', { displayName: '  Second   Name ' })).headers.location,
      '/account?notice=name-saved',
    );
    assert.equal(
      (await app.services.usersRepository.getByEmail('demo', 'renamer@example.org'))?.displayName,
      'Second Name',
    );
    const again = await reader.post('/account/name', { displayName: 'Third Name' });
    assert.equal(again.status, 429);
    assert.match(again.body, /once a day/);
  });

  it('lists sessions, ends one, and logs out everywhere else', async () => {
    await createTestUser(app, { email: 'many@example.org' });
    const phone = agent(app, { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1' });
    const tablet = agent(app, { userAgent: 'Mozilla/5.0 (Linux; Android 15) Chrome/150.0' });
    const desktop = agent(app);
    for (const a of [phone, tablet, desktop]) await a.login('many@example.org');
    const page = await desktop.get('/account');
    assert.match(page.body, /Safari on iOS/);
    assert.match(page.body, /Chrome on Android/);
    const revoke = [...page.body.matchAll(/action="(\/account\/sessions\/[^/]+\/revoke)"/g)].map((m) => m[1]!);
    assert.equal(revoke.length, 2);
    assert.equal((await desktop.post(revoke[0]!)).status, 303);
    const statuses = await Promise.all([phone, tablet].map(async (a) => (await a.get('/account')).status));
    assert.deepEqual(statuses.sort(), [200, 303]);
    await desktop.get('/account');
    await desktop.post('/account/sessions/revoke-all');
    assert.equal((await phone.get('/account')).status, 303);
    assert.equal((await tablet.get('/account')).status, 303);
    assert.equal((await desktop.get('/account')).status, 200);
    // a session of another reader cannot be ended from here
    assert.equal((await desktop.post('/account/sessions/not-mine/revoke')).status, 404);
  });

  it("downloads the reader's data", async () => {
    await createTestUser(app, { email: 'curious@example.org', name: 'Curious Reader' });
    const reader = agent(app);
    await reader.login('curious@example.org');
    const res = await reader.get('/account/data.json');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="parley-demo-/);
    const data = res.json();
    assert.equal(data.account.email, 'curious@example.org');
    assert.equal(data.account.displayName, 'Curious Reader');
    assert.equal(data.sessions.length, 1);
    assert.equal(data.account.passwordHash, undefined);
  });

  it('deletes an account after a grace period the reader can cancel', async () => {
    const id = await createTestUser(app, { email: 'goodbye@example.org' });
    const reader = agent(app);
    await reader.login('goodbye@example.org');
    await reader.get('/account');
    assert.equal((await reader.post('/account/delete', { mode: 'anonymise', password: 'wrong one' })).status, 403);
    assert.equal(
      (await reader.post('/account/delete', { mode: 'anonymise', password: PASSWORD })).headers.location,
      '/account?notice=deletion-scheduled',
    );
    const page = await reader.get('/account');
    assert.match(page.body, /Your account will be deleted on/);
    await reader.post('/account/delete/cancel');
    assert.equal((await app.services.usersRepository.get(id))?.deletionRequestedAt, null);

    await reader.get('/account');
    await reader.post('/account/delete', { mode: 'delete', password: PASSWORD });
    assert.equal(await app.services.accounts.purgeDeletions(), 0);
    now = new Date(now.getTime() + 15 * 86_400_000);
    assert.equal(await app.services.accounts.purgeDeletions(), 1);
    assert.equal(await app.services.usersRepository.get(id), undefined);
  });
});

describe('the JSON auth API', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    await createTestUser(app, { email: 'api@example.org', name: 'Api Reader' });
  });
  after(async () => {
    await app.close();
  });

  it('logs in with a CSRF header, hands out a bearer token, and the token works without cookies', async () => {
    const client = agent(app);
    const session = await client.api('GET', '/api/auth/session');
    assert.equal(session.json().user, null);
    const csrf = session.json().csrfToken as string;
    assert.equal(
      (await client.api('POST', '/api/auth/login', { email: 'api@example.org', password: PASSWORD })).status,
      403,
    );
    const login = await client.api(
      'POST',
      '/api/auth/login',
      { email: 'api@example.org', password: PASSWORD },
      { 'x-csrf-token': csrf },
    );
    assert.equal(login.status, 200);
    assert.equal(login.json().user.displayName, 'Api Reader');
    const after = await client.api('GET', '/api/auth/session');
    const token = await client.api('POST', '/api/auth/token', undefined, { 'x-csrf-token': after.json().csrfToken });
    assert.equal(token.status, 200);
    const bearer = token.json().token as string;
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${bearer}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.email, 'api@example.org');
    const forged = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${bearer.slice(0, -3)}abc` } });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'NOT_LOGGED_IN');
    // logging out with the bearer ends that session
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${bearer}` } }))
        .statusCode,
      204,
    );
    assert.equal(
      (await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${bearer}` } })).statusCode,
      401,
    );
  });

  it("hands a popup login back to the widget as a bearer token for Parley's origin only", async () => {
    const reader = agent(app);
    assert.equal(
      (await reader.get('/account/popup-done')).headers.location,
      '/account/login?return=%2Faccount%2Fpopup-done',
    );
    await reader.login('api@example.org');
    const page = await reader.get('/account/popup-done');
    assert.equal(page.status, 200);
    const m = /window\.opener\.postMessage\((\{.*?\}), "https:\/\/news\.test"\)/.exec(page.body);
    assert.ok(m, page.body);
    const message = JSON.parse(m[1]!);
    assert.equal(message.type, 'parley:signed-in');
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${message.token}` } });
    assert.equal(me.json().user.email, 'api@example.org');
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('validates input with a stable code', async () => {
    const client = agent(app);
    const csrf = (await client.api('GET', '/api/auth/session')).json().csrfToken;
    const res = await client.api('POST', '/api/auth/register', { email: 'x@example.org' }, { 'x-csrf-token': csrf });
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  });
});
