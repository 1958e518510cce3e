import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from './app.ts';
import { buildTestApp, signedInReader } from './testing.ts';

// Each 5xx or badly shaped answer the fuzzer found, kept as a case of its own.

describe('answers the fuzzer found', () => {
  let app: App;
  let admin: Awaited<ReturnType<typeof signedInReader>>;
  before(async () => {
    app = await buildTestApp();
    admin = await signedInReader(app, 'findings@example.org', 'Findings Admin', 'admin');
  });
  after(async () => app.close());
  const code = (body: string) => JSON.parse(body).error?.code;

  it('a page address with non-ASCII characters redirects (percent-encoded), not a 500', async () => {
    const res = await app.inject({ url: '/%E0%A4%AE%E0%A5%8C%E0%A4%B8%E0%A4%AE%20x' });
    assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 200)}`);
    if (res.headers.location) assert.match(String(res.headers.location), /^[\x21-\x7e]+$/);
  });

  it('a malformed percent-encoding or an over-long segment is a 4xx in the catalogue shape', async () => {
    for (const url of [
      '/api/stories/%zz/comments',
      '/api/comments/%E0%A4/reports',
      `/api/stories/${'x'.repeat(400)}/comments`,
    ]) {
      const res = await app.inject({ url, headers: { accept: 'application/json' } });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, url);
      assert.equal(typeof res.json().error?.code, 'string', `${url}: ${res.body}`);
    }
  });

  it("editors' picks naming an article that does not exist: 404, not a 500", async () => {
    const res = await admin.api('PUT', '/api/admin/top-picks', { articleIds: ['nosuch'] }, admin.h);
    assert.equal(res.status, 404);
    assert.equal(res.json().error.code, 'ARTICLE_NOT_FOUND');
  });

  it('a multipart body cut short is a 400 BODY_MALFORMED', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/admin/articles/x/images',
      headers: { cookie: admin.cookieHeader(), ...admin.h, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="alt"\r\n\r\nhalf',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(code(res.body), 'BODY_MALFORMED');
  });

  it("a feed of a section or author that is not there: 404 in the catalogue's shape", async () => {
    for (const url of ['/nosuch/feed.xml', '/authors/nosuch/feed.xml']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(code(res.body), 'NOT_FOUND', url);
    }
  });

  it('the audit log before a value that is not a time: 400, not a 500 (PostgreSQL)', async () => {
    for (const before of ['%27%3B+DROP+TABLE+users%3B+--', '1', '-1', '2026-13-45']) {
      const res = await admin.api('GET', `/api/admin/moderate/audit?before=${before}`, undefined, admin.h);
      assert.equal(res.status, 400, before);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const ok = await admin.api('GET', '/api/admin/moderate/audit?before=2026-06-15T06:30:00.000Z', undefined, admin.h);
    assert.equal(ok.status, 200);
  });

  it('the moderation queue before a value that is not a time: 400, not a 500 (PostgreSQL)', async () => {
    const res = await admin.api('GET', '/api/admin/moderate/queue?before=0mx6de9ku00023jzxmd4', undefined, admin.h);
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  });

  it('the image form posted with no body: 400, not a 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/admin/articles/x/images',
      headers: { cookie: admin.cookieHeader(), ...admin.h, accept: 'application/json' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(code(res.body), 'IMAGE_INVALID');
  });

  it('an article action with a negative version (a string the schema coerces): 400, not a 500', async () => {
    const article = await app.services.articlesRepository.getPublishedBySlug(
      'demo',
      'island-nations-agree-to-reopen-fisheries-talks',
    );
    for (const version of [-1, '-1', 'abc', 1.5]) {
      const res = await admin.api('POST', `/api/admin/articles/${article!.id}/unpublish`, { version }, admin.h);
      assert.equal(res.status, 400, `${JSON.stringify(version)}: ${res.body.slice(0, 200)}`);
    }
  });

  it('a model or version number beyond a 32-bit integer: 400, not a 500 (PostgreSQL)', async () => {
    const replay = await admin.api(
      'POST',
      '/api/admin/moderation/policy/replay',
      { changes: {}, model: 9223372036854776000 },
      admin.h,
    );
    assert.equal(replay.status, 400, replay.body.slice(0, 200));
    const decision = await admin.api(
      'POST',
      '/api/admin/moderate/comments/x/decision',
      { action: 'approve', version: 2 ** 40 },
      admin.h,
    );
    assert.equal(decision.status, 400, decision.body.slice(0, 200));
  });
});
