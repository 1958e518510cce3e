import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from 'typebox';
import { AppError, commonErrors } from '../shared/errors.ts';
import type { App } from './app.ts';
import { buildTestApp } from './testing.ts';

// The HTTP door on its own: what every answer carries, and how errors of every
// kind come out (the catalogue's shape; bad input a 4xx, never a 5xx).

describe('the HTTP app', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    // Routes of the test's own, added before the app is ready: a thrown error of each kind.
    app.get('/test/limited', async () => {
      throw new AppError(commonErrors.RATE_LIMITED, undefined, { retryAfterSeconds: 30 });
    });
    app.get('/test/crash', async () => {
      throw new Error('a detail only the log may see');
    });
    app.get('/test/escaped', async () => {
      throw new AppError(commonErrors.NOT_FOUND, '<script>alert(1)</script>');
    });
    app.get(
      '/test/echo',
      { schema: { querystring: Type.Object({ n: Type.Integer({ minimum: 1 }) }) } },
      async (request) => request.query,
    );
    // Posts are refused without a CSRF token, so only a body that cannot be read gets here.
    app.post('/test/echo', async (request) => request.body);
  });
  after(() => app.close());

  it("answers an unknown address with 404 and the site's own page", async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/address' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<title>Page not found - /);
  });

  it("answers an unknown API address with the catalogue's JSON 404, never a page", async () => {
    for (const url of ['/api/no/such/thing', '/api/nope?x=1', '/api/nope', '/api/', '/api']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.equal(res.json().error.code, 'NOT_FOUND', url);
    }
  });

  it('sends the baseline security headers on every answer, and frame protection on pages', async () => {
    for (const url of ['/', '/healthz', '/no/such/address', '/test/limited']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
    }
    const page = await app.inject({ method: 'GET', url: '/' });
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'self'/);
  });

  it("turns a thrown AppError into its status and the catalogue's shape", async () => {
    const res = await app.inject({ method: 'GET', url: '/test/limited' });
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), {
      error: { code: 'RATE_LIMITED', message: commonErrors.RATE_LIMITED.message, details: { retryAfterSeconds: 30 } },
    });
  });

  it('answers a browser with the same words in HTML, escaped', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/escaped', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /<code>NOT_FOUND<\/code>/);
  });

  it('hides an unexpected error behind INTERNAL', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/crash' });
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: { code: 'INTERNAL', message: commonErrors.INTERNAL.message } });
    assert.doesNotMatch(res.body, /only the log/);
  });

  it('answers input the schema refuses with 400 VALIDATION_FAILED and where it failed', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/echo?n=0' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.equal(body.error.details[0].where, 'querystring/n');
    assert.deepEqual((await app.inject({ method: 'GET', url: '/test/echo?n=2' })).json(), { n: 2 });
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"n":',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'FST_ERR_CTP_INVALID_JSON_BODY');
  });

  it('publishes the OpenAPI description of the API routes only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const paths = Object.keys(res.json().paths);
    assert.ok(paths.length > 0);
    assert.ok(
      paths.every((p) => p.startsWith('/api/')),
      paths.join(' '),
    );
  });
});
