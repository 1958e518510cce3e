import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser } from '../http/testing.ts';
import { safeReturnPath } from './auth.ts';

// Known open-redirect bypasses (OWASP, PayloadsAllTheThings and the outside
// review): each must fall back to the default instead of leaving the site.
const BYPASSES = [
  '//evil.example',
  '//evil.example/',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  '\\/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/ /evil.example',
  '/\u0000/evil.example',
  '/\u000b/evil.example',
  '/\u000c/evil.example',
  '/\u00a0/evil.example',
  '/\u2028/evil.example',
  '/\ufeff/evil.example',
  '/\u200b/evil.example',
  '/\u001f/evil.example',
  '/\u007f/evil.example',
  '/./evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/x/..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  'https:evil.example',
  'https:/evil.example',
  'https://evil.example',
  'http://evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example%2f..',
  '/\\/evil.example',
  '/\t\\evil.example',
  '//\tevil.example',
  '/%09/evil.example'.replace('%09', '\t'),
  '//%09/evil.example',
  '/%5cevil.example'.replace('%5c', '\\'),
  '//evil.example@news.test',
  'evil.example',
  '',
  '.',
  '?x=1',
  '#x',
  '\u3000//evil.example',
  '/\u3000/evil.example',
  `/${'a'.repeat(5000)}`,
];

/** What a browser does with a Location header on https://news.test. */
function landsOn(location: string): string {
  return new URL(location, 'https://news.test/account/login').origin;
}

describe('return paths: only this site', () => {
  it('falls back on every known bypass', () => {
    for (const raw of BYPASSES) {
      const out = safeReturnPath(raw, '/account');
      assert.equal(landsOn(out), 'https://news.test', `${JSON.stringify(raw)} gave ${out}`);
      assert.ok(!/[\s\\]/.test(out), `${JSON.stringify(raw)} gave ${JSON.stringify(out)}`);
    }
  });

  it('falls back on values that are not strings', () => {
    for (const raw of [undefined, null, 1, {}, ['/x'], true]) assert.equal(safeReturnPath(raw, '/account'), '/account');
    assert.equal(safeReturnPath('//evil.example', '//evil.example'), '/');
  });

  it('keeps ordinary paths, and writes non-ASCII ones percent-encoded', () => {
    assert.equal(safeReturnPath('/world/'), '/world/');
    assert.equal(safeReturnPath('/world/story?comment=abc#comment-abc'), '/world/story?comment=abc#comment-abc');
    assert.equal(safeReturnPath('/account/legacy/claim?token=a%2Fb'), '/account/legacy/claim?token=a%2Fb');
    assert.equal(safeReturnPath('/मौसम/खबर'), '/%E0%A4%AE%E0%A5%8C%E0%A4%B8%E0%A4%AE/%E0%A4%96%E0%A4%AC%E0%A4%B0');
    assert.equal(safeReturnPath('/a/../b'), '/b');
  });

  describe('through the login form', () => {
    let app: App;
    before(async () => {
      app = await buildTestApp();
      await createTestUser(app, { email: 'return@example.org', name: 'Return Reader' });
    });
    after(async () => app.close());

    it('never redirects off-site after logging in, and never answers 500', async () => {
      const tried = [...BYPASSES.slice(0, 20), '/\u00e9t\u00e9', '/日本語?q=ü', '/\ud83d\ude00'];
      for (const [i, raw] of tried.entries()) {
        const reader = agent(app, { ip: `198.51.100.${i + 1}` });
        await reader.get('/account/login');
        const res = await reader.post('/account/login', {
          email: 'return@example.org',
          password: 'correct horse battery',
          return: raw,
        });
        if (raw.includes('\u0000')) {
          // refused before the login: no NUL in any text (src/http/input-guards.ts)
          assert.equal(res.status, 400, JSON.stringify(raw));
          continue;
        }
        assert.equal(res.status, 303, `${JSON.stringify(raw)}: ${res.status} ${res.body.slice(0, 200)}`);
        assert.equal(landsOn(String(res.headers.location)), 'https://news.test', JSON.stringify(raw));
      }
    });

    it('shows the login page for a non-ASCII or hostile return path (no 500)', async () => {
      for (const raw of [
        '%2F%E6%97%A5%E6%9C%AC',
        '%2F%09%2Fevil.example',
        '%2F%2Fevil.example',
        '%2F%ED%A0%80',
        '/%FF',
      ]) {
        const res = await agent(app).get(`/account/login?return=${raw}`);
        assert.equal(res.status, 200, JSON.stringify(raw));
        assert.doesNotMatch(res.body, /evil\.example/);
      }
    });
  });
});
