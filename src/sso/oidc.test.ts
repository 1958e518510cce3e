import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser } from '../http/testing.ts';

// A real OpenID provider on a local port, with its development login and
// consent screens, which the test fills in like a person would.

const REDIRECT = 'https://news.test/account/oidc/idp/callback';

/** Follows the provider's redirects with a cookie jar until it hands back to Parley. */
async function signInAtProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(REDIRECT)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookies() } });
    keep(res);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${page.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const post = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    keep(post);
    url = new URL(post.headers.get('location') ?? '', url).toString();
  }
  throw new Error('too many steps at the provider');
}

describe('OpenID Connect login (authorization code + PKCE)', () => {
  let server: Server;
  let issuer: string;
  let app: App;

  before(async () => {
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'parley',
          client_secret: 'parley-client-secret',
          redirect_uris: [REDIRECT],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx, id) => ({
        accountId: id,
        claims: async () => ({
          sub: id,
          email: `${id}@idp.example`,
          email_verified: true,
          name: `${id[0]!.toUpperCase()}${id.slice(1)} From Idp`,
        }),
      }),
      pkce: { required: () => true },
    });
    server.on('request', provider.callback());
    app = await buildTestApp({ now: () => new Date() });
    await app.services.ssoRepository.saveProvider({
      siteId: 'demo',
      name: 'idp',
      label: 'Company ID',
      issuer,
      clientId: 'parley',
      clientSecret: 'parley-client-secret',
      scopes: 'openid email profile',
    });
  });

  after(async () => {
    await app.close();
    server.close();
  });

  it('offers the provider on the login page', async () => {
    const page = await agent(app).get('/account/login');
    assert.match(page.body, /href="\/account\/oidc\/idp\/start\?return=%2Faccount">Log in with Company ID</);
  });

  it('signs a reader in through the provider and creates the account', async () => {
    const reader = agent(app);
    const start = await reader.get('/account/oidc/idp/start?return=/world/');
    assert.equal(start.status, 302);
    const authorize = new URL(String(start.headers.location));
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('code_challenge'));
    const back = new URL(await signInAtProvider(authorize.toString(), 'meera'));
    const done = await reader.get(`${back.pathname}${back.search}`);
    assert.equal(done.status, 303);
    assert.equal(done.headers.location, '/world/');
    const me = await reader.api('GET', '/api/me');
    assert.equal(me.json().user.displayName, 'Meera From Idp');
    assert.equal(me.json().user.email, 'meera@idp.example');
  });

  it('keeps the return path on this site through the provider (bypasses and non-ASCII: no 500)', async () => {
    for (const [raw, expected] of [
      ['%2F%09%2Fevil.example', '/account'],
      ['%2F%5Cevil.example', '/account'],
      ['https%3Aevil.example', '/account'],
      ['%2F%E6%97%A5%E6%9C%AC', '/%E6%97%A5%E6%9C%AC'],
    ] as const) {
      const reader = agent(app);
      const start = await reader.get(`/account/oidc/idp/start?return=${raw}`);
      assert.equal(start.status, 302, raw);
      const back = new URL(await signInAtProvider(String(start.headers.location), 'tara'));
      const done = await reader.get(`${back.pathname}${back.search}`);
      assert.equal(done.status, 303, raw);
      assert.equal(done.headers.location, expected, raw);
    }
  });

  it('refuses a callback whose state does not match the flow it started', async () => {
    const reader = agent(app);
    const start = await reader.get('/account/oidc/idp/start');
    const back = new URL(await signInAtProvider(String(start.headers.location), 'ravi'));
    back.searchParams.set('state', 'forged-state');
    const res = await reader.get(`${back.pathname}${back.search}`, { accept: 'application/json' });
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'OIDC_STATE_INVALID');
    // and a callback in a browser that never started the flow
    const stranger = agent(app);
    const res2 = await stranger.get(`${back.pathname}${back.search}`, { accept: 'application/json' });
    assert.equal(res2.json().error.code, 'OIDC_STATE_INVALID');
  });

  it('asks before linking to an existing account with the same address', async () => {
    await createTestUser(app, { email: 'kiran@idp.example', name: 'Kiran Here' });
    const reader = agent(app);
    const start = await reader.get('/account/oidc/idp/start');
    const back = new URL(await signInAtProvider(String(start.headers.location), 'kiran'));
    const res = await reader.get(`${back.pathname}${back.search}`);
    assert.equal(res.status, 303);
    assert.match(String(res.headers.location), /^\/account\/link\?token=/);
  });

  it('answers an unknown provider with 404', async () => {
    const res = await agent(app).get('/account/oidc/nope/start', { accept: 'application/json' });
    assert.equal(res.status, 404);
    assert.equal(res.json().error.code, 'OIDC_PROVIDER_NOT_FOUND');
  });
});
