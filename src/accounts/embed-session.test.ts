import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, signedInReader } from '../http/testing.ts';

// The widget inside another site's page keeps its sign-in in a partitioned
// cookie (CHIPS): what Parley sets, what it accepts, and where it declines.

describe("the embed's partitioned session", () => {
  let app: App;
  let bearer: string;
  before(async () => {
    app = await buildTestApp();
    const reader = await signedInReader(app, 'emb@example.org', 'Emma Bed');
    bearer = (await reader.api('POST', '/api/auth/token', {}, reader.h)).json().token;
  });
  after(async () => app?.close());

  const embedSession = (host = 'news.test') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/embed-session',
      headers: { host, authorization: `Bearer ${bearer}` },
    });

  it('is a Secure, SameSite=None, Partitioned cookie of its own over HTTPS, which signs the frame in', async () => {
    const res = await embedSession();
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { partitioned: true });
    const set = String(res.headers['set-cookie']);
    assert.match(set, /^parley_embed=[^;]+;/);
    for (const attribute of ['Secure', 'SameSite=None', 'Partitioned', 'HttpOnly', 'Path=/'])
      assert.ok(set.split('; ').includes(attribute), `${attribute} in ${set}`);
    const cookie = set.split(';')[0]!;

    const session = await app.inject({ url: '/api/auth/session', headers: { host: 'news.test', cookie } });
    assert.equal(session.json().user.displayName, 'Emma Bed');
    // the frame's unsafe requests carry the CSRF token bound to this cookie
    const csrf = session.json().csrfToken as string;
    const logout = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { host: 'news.test', cookie, 'x-csrf-token': token },
      });
    assert.equal((await logout('forged')).statusCode, 403);
    const out = await logout(csrf);
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /parley_embed=;.*Partitioned/);
    const after = await app.inject({ url: '/api/auth/session', headers: { host: 'news.test', cookie } });
    assert.equal(after.json().user, null, 'logging out in the frame ends its session');
  });

  it('is declined over plain HTTP (browsers refuse it), and the widget keeps its bearer token', async () => {
    const site = (await app.services.sitesRepository.get('demo'))!;
    await app.services.sitesRepository.updateBaseUrl('demo', 'http://news.test');
    app.services.siteResolver.forget();
    try {
      const res = await embedSession('news.test');
      assert.deepEqual(res.json(), { partitioned: false });
      assert.equal(res.headers['set-cookie'], undefined);
      // a loopback address is a secure context to browsers: a developer's machine gets the cookie
      assert.deepEqual((await embedSession('127.0.0.1:8080')).json(), { partitioned: true });
    } finally {
      await app.services.sitesRepository.updateBaseUrl('demo', site.baseUrl);
      app.services.siteResolver.forget();
    }
  });

  it('needs a signed-in reader', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/embed-session',
      headers: { host: 'news.test', authorization: 'Bearer not-a-token' },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['set-cookie'], undefined);
  });
});
