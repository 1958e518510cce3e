import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser, lastMail, pathOf, TEST_NOW } from '../http/testing.ts';

const SECRET = 'a-publisher-shared-secret-of-forty-characters';
const AUDIENCE = 'parley:demo';
const nowS = Math.floor(TEST_NOW.getTime() / 1000);
let jtiCounter = 0;

interface Claims {
  sub?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  badges?: string[];
  roles?: string[];
  jti?: string;
  iat?: number;
  exp?: number;
  aud?: string;
}

async function hs256(claims: Claims, secret = SECRET): Promise<string> {
  const full = { sub: 'pub-1', jti: `jti-${++jtiCounter}`, iat: nowS - 10, exp: nowS + 300, aud: AUDIENCE, ...claims };
  const { aud, ...rest } = full;
  return new SignJWT(rest as Record<string, unknown>)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(aud)
    .sign(new TextEncoder().encode(secret));
}

async function signOn(app: App, token: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sso', payload: { token } });
  return { status: res.statusCode, body: res.json() };
}

describe('publisher sign-on', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    await app.services.ssoRepository.saveSettings({
      siteId: 'demo',
      algorithm: 'HS256',
      secret: SECRET,
      publicKey: null,
      jwksUrl: null,
      issuer: null,
      audience: AUDIENCE,
      signOnOnly: false,
      loginUrl: null,
    });
  });
  after(async () => {
    await app.close();
  });

  it('creates an account from a valid token and keeps its profile in step with later ones', async () => {
    const first = await signOn(
      app,
      await hs256({
        sub: 'pub-100',
        email: 'Reader@Paper.example',
        email_verified: true,
        name: 'Paper Reader',
        roles: ['subscriber', 'admin'],
      }),
    );
    assert.equal(first.status, 200);
    assert.equal(first.body.user.displayName, 'Paper Reader');
    assert.equal(first.body.user.email, 'reader@paper.example');
    assert.equal(first.body.user.emailVerified, true);
    assert.deepEqual(first.body.user.badges, ['subscriber', 'admin']);
    // badges are labels; the publisher's "admin" grants nothing in Parley
    assert.equal(first.body.user.role, 'reader');
    assert.equal(first.body.cookie, false);
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${first.body.bearer.token}` } });
    assert.equal(me.json().user.id, first.body.user.id);

    const second = await signOn(
      app,
      await hs256({
        sub: 'pub-100',
        email: 'reader@paper.example',
        email_verified: true,
        name: 'Paper Reader Jr',
        badges: ['subscriber'],
      }),
    );
    assert.equal(second.body.user.id, first.body.user.id);
    assert.equal(second.body.user.displayName, 'Paper Reader Jr');
    assert.deepEqual(second.body.user.badges, ['subscriber']);
  });

  it('refuses every kind of bad token with its own code', async () => {
    const cases: [string, Promise<string> | string, string][] = [
      ['expired', hs256({ iat: nowS - 600, exp: nowS - 120 }), 'SSO_TOKEN_EXPIRED'],
      ['dated in the future', hs256({ iat: nowS + 3600, exp: nowS + 7200 }), 'SSO_TOKEN_NOT_YET_VALID'],
      ['signed with another secret', hs256({}, 'somebody-elses-secret-that-is-long-enough'), 'SSO_TOKEN_BAD_SIGNATURE'],
      ['made for another audience', hs256({ aud: 'parley:other' }), 'SSO_TOKEN_WRONG_AUDIENCE'],
      [
        'without a jti',
        new SignJWT({ sub: 'x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience(AUDIENCE)
          .setIssuedAt(nowS)
          .setExpirationTime(nowS + 60)
          .sign(new TextEncoder().encode(SECRET)),
        'SSO_TOKEN_MALFORMED',
      ],
      ['older than a day', hs256({ iat: nowS - 2 * 86_400, exp: nowS + 60 }), 'SSO_TOKEN_EXPIRED'],
      ['not a token at all', 'hello.world', 'SSO_TOKEN_MALFORMED'],
      [
        'unsigned (alg none)',
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', jti: 'n', iat: nowS, exp: nowS + 60, aud: AUDIENCE })).toString('base64url')}.`,
        'SSO_TOKEN_BAD_SIGNATURE',
      ],
    ];
    for (const [what, token, code] of cases) {
      const res = await signOn(app, await token);
      assert.equal(res.body.error?.code, code, what);
      assert.ok(res.status === 400 || res.status === 401, what);
      assert.ok(res.body.error.message.length > 10, what);
    }
  });

  it('refuses a tampered token', async () => {
    const token = await hs256({ sub: 'pub-200', name: 'Honest' });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.sub = 'pub-1-admin';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    assert.equal((await signOn(app, tampered)).body.error.code, 'SSO_TOKEN_BAD_SIGNATURE');
  });

  it('accepts a token once: a replay is refused', async () => {
    const token = await hs256({ sub: 'pub-300' });
    assert.equal((await signOn(app, token)).status, 200);
    const replay = await signOn(app, token);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error.code, 'SSO_TOKEN_REPLAYED');
  });

  it('sets a session cookie only for a request that proves it came from the site', async () => {
    const reader = agent(app);
    const csrf = (await reader.api('GET', '/api/auth/session')).json().csrfToken;
    const res = await reader.api(
      'POST',
      '/api/auth/sso',
      { token: await hs256({ sub: 'pub-400', name: 'Cookie Reader' }) },
      { 'x-csrf-token': csrf },
    );
    assert.equal(res.json().cookie, true);
    assert.equal((await reader.api('GET', '/api/me')).json().user.displayName, 'Cookie Reader');
  });

  it("signs in from the publisher's login page only after the reader confirms", async () => {
    const token = await hs256({
      sub: 'pub-700',
      name: 'Redirected Reader',
      email: 'redirected@paper.example',
      email_verified: true,
    });
    const reader = agent(app);
    const confirm = await reader.get(`/account/sso?token=${token}&return=/world/`);
    assert.equal(confirm.status, 200);
    assert.match(
      confirm.body,
      /Continue on The Meridian Herald as <strong>Redirected Reader<\/strong> \(redirected@paper.example\)\?/,
    );
    // showing the page did not use the token up, and did not sign anyone in
    assert.equal((await reader.get('/account')).status, 303);
    await reader.get(`/account/sso?token=${token}&return=/world/`);
    const done = await reader.post('/account/sso', { token, return: '/world/' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.location, '/world/');
    assert.equal((await reader.api('GET', '/api/me')).json().user.displayName, 'Redirected Reader');
    // a page elsewhere that posts the form for the reader has no CSRF token
    const victim = agent(app);
    const forced = await victim.post('/account/sso', { token: await hs256({ sub: 'attacker' }) });
    assert.equal(forced.status, 403);
  });

  it("links to an existing account only with its owner's consent", async () => {
    const existingId = await createTestUser(app, { email: 'owner@paper.example', name: 'Owner' });
    const token = await hs256({
      sub: 'pub-500',
      email: 'owner@paper.example',
      email_verified: true,
      name: 'Owner Via Paper',
    });
    const res = await signOn(app, token);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'ACCOUNT_LINK_REQUIRED');
    const reader = agent(app);
    const page = await reader.get(res.body.error.details.linkUrl);
    assert.match(page.body, /There is already an account with the address <strong>owner@paper.example<\/strong>/);
    const linkToken = new URL(`https://x${res.body.error.details.linkUrl}`).searchParams.get('token')!;
    assert.equal((await reader.post('/account/link', { token: linkToken, password: 'not the password' })).status, 403);
    const linked = await reader.post('/account/link', { token: linkToken, password: 'correct horse battery' });
    assert.equal(linked.headers.location, '/account?notice=linked');
    const again = await signOn(
      app,
      await hs256({ sub: 'pub-500', email: 'owner@paper.example', email_verified: true, name: 'Owner Via Paper' }),
    );
    assert.equal(again.status, 200);
    assert.equal(again.body.user.id, existingId);
  });

  it('links by a link e-mailed to the existing address, for accounts without a password', async () => {
    await signOn(
      app,
      await hs256({ sub: 'pub-600', email: 'twice@paper.example', email_verified: true, name: 'Twice' }),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sso',
      payload: {
        token: await hs256({ sub: 'other-publisher-id', email: 'twice@paper.example', email_verified: true }),
      },
    });
    const linkUrl = res.json().error.details.linkUrl as string;
    const reader = agent(app);
    await reader.get(linkUrl);
    const sent = await reader.post('/account/link/email', {
      token: new URL(`https://x${linkUrl}`).searchParams.get('token')!,
    });
    assert.match(sent.body, /We have sent a link/);
    const mail = await lastMail(app, 'twice@paper.example');
    const done = await reader.get(pathOf(mail.link));
    assert.equal(done.headers.location, '/account?notice=linked');
    const identities = await app.services.usersRepository.listIdentities(
      (await app.services.usersRepository.getByEmail('demo', 'twice@paper.example'))!.id,
    );
    assert.deepEqual(identities.map((i) => i.subject).sort(), ['other-publisher-id', 'pub-600']);
  });

  it('closes registration and password login on a sign-on-only site', async () => {
    const settings = (await app.services.ssoRepository.getSettings('demo'))!;
    await app.services.ssoRepository.saveSettings({
      ...settings,
      signOnOnly: true,
      loginUrl: 'https://paper.example/login',
    });
    try {
      const reader = agent(app);
      const page = await reader.get('/account/register');
      assert.equal(page.status, 403);
      const login = await reader.get('/account/login');
      assert.match(login.body, /href="https:\/\/paper.example\/login"/);
      assert.doesNotMatch(login.body, /name="password"/);
      const csrf = (await reader.api('GET', '/api/auth/session')).json().csrfToken;
      const api = await reader.api(
        'POST',
        '/api/auth/register',
        { email: 'x@y.example', displayName: 'Xy', password: 'long enough phrase' },
        { 'x-csrf-token': csrf },
      );
      assert.equal(api.json().error.code, 'REGISTRATION_DISABLED');
    } finally {
      await app.services.ssoRepository.saveSettings(settings);
    }
  });
});

describe('publisher sign-on with public keys', () => {
  let app: App;
  let jwksServer: Server;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => {
    await app.close();
    jwksServer?.close();
  });

  it('verifies RS256 tokens against a PEM public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    await app.services.ssoRepository.saveSettings({
      siteId: 'demo',
      algorithm: 'RS256',
      secret: null,
      publicKey: await exportSPKI(publicKey),
      jwksUrl: null,
      issuer: 'https://paper.example',
      audience: AUDIENCE,
      signOnOnly: false,
      loginUrl: null,
    });
    const sign = (iss: string) =>
      new SignJWT({ name: 'Rsa Reader' })
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('rsa-1')
        .setJti(`r-${++jtiCounter}`)
        .setIssuer(iss)
        .setAudience(AUDIENCE)
        .setIssuedAt(nowS)
        .setExpirationTime(nowS + 60)
        .sign(privateKey);
    assert.equal((await signOn(app, await sign('https://paper.example'))).status, 200);
    assert.equal(
      (await signOn(app, await sign('https://elsewhere.example'))).body.error.code,
      'SSO_TOKEN_WRONG_ISSUER',
    );
    // an HS256 token "signed" with the public key text must not pass (algorithm confusion)
    const confused = await hs256({ sub: 'rsa-1' }, await exportSPKI(publicKey));
    assert.equal((await signOn(app, confused)).body.error.code, 'SSO_TOKEN_BAD_SIGNATURE');
  });

  it("verifies ES256 tokens against the publisher's JWKS", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwksServer = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    await app.services.ssoRepository.saveSettings({
      siteId: 'demo',
      algorithm: 'ES256',
      secret: null,
      publicKey: null,
      jwksUrl: url,
      issuer: null,
      audience: AUDIENCE,
      signOnOnly: false,
      loginUrl: null,
    });
    const token = await new SignJWT({ name: 'Ec Reader' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('ec-1')
      .setJti(`e-${++jtiCounter}`)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 60)
      .sign(privateKey);
    const res = await signOn(app, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.user.displayName, 'Ec Reader');
  });
});
