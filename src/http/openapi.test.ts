import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from './app.ts';
import { operationIdFor, securityFor, tagFor } from './openapi.ts';
import { buildTestApp } from './testing.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the OpenAPI document (#18)', () => {
  let app: App;
  let doc: any;
  before(async () => {
    app = await buildTestApp();
    const res = await app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });
  after(() => app.close());

  const operations = () =>
    Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.entries<any>(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );

  it('is OpenAPI 3 by structure', () => {
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    assert.ok(Object.keys(doc.paths).length > 10);
    for (const path of Object.keys(doc.paths)) {
      assert.ok(path.startsWith('/api/'), path);
      assert.ok(!path.includes('/:'), `${path} uses OpenAPI's {param} form`);
    }
    assert.ok(doc.components.schemas.Error);
    for (const name of ['cookie', 'csrf', 'bearer']) assert.ok(doc.components.securitySchemes[name], name);
    assert.equal(doc.components.securitySchemes.cookie.name, 'parley_session');
    assert.equal(doc.components.securitySchemes.bearer.scheme, 'bearer');
  });

  it('gives every operation a unique operationId, tags and a security field', () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z0-9]*$/, where);
      assert.ok(!ids.has(op.operationId), `${where}: duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(Array.isArray(op.tags) && op.tags.length > 0, `${where}: tags`);
      assert.ok(Array.isArray(op.security), `${where}: security`);
      for (const requirement of op.security)
        for (const scheme of Object.keys(requirement))
          assert.ok(doc.components.securitySchemes[scheme], `${where}: unknown scheme ${scheme}`);
    }
  });

  it('lists the 4xx answers in the error catalogue shape', () => {
    for (const name of ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'TooManyRequests'])
      assert.equal(
        doc.components.responses[name].content['application/json'].schema.$ref,
        '#/components/schemas/Error',
        name,
      );
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const codes = Object.keys(op.responses);
      assert.ok(
        codes.some((c) => c.startsWith('2')),
        `${where}: keeps its success response`,
      );
      for (const code of ['400', '404', '429']) assert.ok(op.responses[code], `${where}: ${code}`);
      for (const code of codes.filter((c) => c.startsWith('4')))
        assert.match(op.responses[code].$ref ?? '', /^#\/components\/responses\//, `${where}: ${code}`);
      const signedIn = op.security.every((s: object) => 'cookie' in s || 'bearer' in s) && op.security.length > 0;
      assert.equal(Boolean(op.responses['401']), signedIn, `${where}: 401 exactly when sign-in is needed`);
    }
    // every $ref to a shared response resolves
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"#\/components\/responses\/([A-Za-z]+)"/g))
      assert.ok(doc.components.responses[name!], name);
  });

  it('tells signed-in, optional and public operations apart', () => {
    const op = (method: string, path: string) => doc.paths[path][method];
    assert.deepEqual(op('post', '/api/stories/{id}/comments').security, [{ cookie: [], csrf: [] }, { bearer: [] }]);
    assert.deepEqual(op('get', '/api/me').security, [{ cookie: [] }, { bearer: [] }]);
    assert.deepEqual(op('get', '/api/stories/{id}/comments').security, [{}, { cookie: [] }, { bearer: [] }]);
    assert.deepEqual(op('post', '/api/views').security, []);
    assert.ok(!op('post', '/api/auth/login').responses['401']);
  });

  it('derives ids and tags from method and path', () => {
    assert.equal(operationIdFor('POST', '/api/stories/:id/comments'), 'postApiStoriesIdComments');
    assert.equal(operationIdFor('GET', '/api/me/notification-settings'), 'getApiMeNotificationSettings');
    assert.equal(tagFor('/api/stories/:id/comments'), 'stories');
    assert.deepEqual(securityFor('GET', '/api/admin/webhooks', true), [{ cookie: [] }, { bearer: [] }]);
    assert.deepEqual(securityFor('POST', '/api/auth/sso', false), []);
  });
});
