import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enginesUnderTest } from '../storage/testing.ts';
import { inspectInput, MAX_DEPTH } from './input-guards.ts';
import { appOnEngine, demoArticleStoryId, signedInReader } from './testing.ts';

// Bad bodies are a 4xx with the catalogue's shape on every route, and a NUL
// in any text is the same 400 on both engines (PostgreSQL refuses NUL in text;
// SQLite would keep it).

describe('inspectInput', () => {
  it('finds NUL in values and keys, and depth, without recursion', () => {
    assert.equal(inspectInput({ a: ['x', { b: 'y\u0000' }] }), 'nul');
    assert.equal(inspectInput({ 'k\u0000': 1 }), 'nul');
    assert.equal(inspectInput({ a: [1, 'two', null, true, { b: 'fine' }] }), undefined);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(inspectInput(deep), 'deep');
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { a: ok };
    assert.equal(inspectInput(ok), undefined);
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`bad input on ${engine.name}`, { skip: engine.skip }, () => {
    const on = appOnEngine(engine);
    const errorCode = (res: { json(): { error?: { code?: string } } }) => res.json().error?.code;

    it('POST /api/views: a form body, JSON and deep JSON are a 204 or a 400, never a 500', async () => {
      const post = (contentType: string, payload: string) =>
        on.app.inject({ method: 'POST', url: '/api/views', headers: { 'content-type': contentType }, payload });
      assert.equal((await post('application/x-www-form-urlencoded', 'a=1&b=2')).statusCode, 204);
      assert.equal((await post('application/json', '{"a":[1,2]}')).statusCode, 204);
      assert.equal((await post('application/json', '[[["x"]]]')).statusCode, 204);
      const deep = await post('application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`);
      assert.equal(deep.statusCode, 400);
      assert.equal(errorCode(deep), 'BODY_TOO_DEEP');
      const deepObject = await post('application/json', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
      assert.equal(errorCode(deepObject), 'BODY_TOO_DEEP');
    });

    it('a NUL in a body, a query or a path is a 400 NUL_IN_TEXT, and nothing is stored', async () => {
      const app = on.app;
      const storyId = await demoArticleStoryId(app);
      const reader = await signedInReader(app, 'nul@example.org', 'Nul Reader');
      const tries = [
        await reader.api(
          'POST',
          `/api/stories/${storyId}/comments`,
          { body: 'A full sentence \u0000 here.' },
          reader.h,
        ),
        await reader.api('POST', '/api/auth/register', {
          email: 'nul2@example.org',
          displayName: 'Nul\u0000Name',
          password: 'a long password here',
        }),
        await reader.api('POST', '/api/auth/login', { email: 'nul@example.org\u0000', password: 'x' }),
        await reader.post('/account/login', { email: 'a\u0000@example.org', password: 'x' }),
        await reader.api('GET', '/api/stories/resolve?url=https%3A%2F%2Fnews.test%2F%00x'),
        await reader.api('GET', '/api/stories/%00/comments'),
        await reader.api('GET', `/api/stories/${storyId}/comments?after=%00`),
      ];
      for (const [i, res] of tries.entries()) {
        assert.equal(res.status, 400, `try ${i}: ${res.status} ${res.body.slice(0, 200)}`);
        assert.equal(errorCode(res), 'NUL_IN_TEXT', `try ${i}`);
      }
      assert.equal(await app.services.usersRepository.getByEmail('demo', 'nul2@example.org'), undefined);
    });

    it('a cookie holding a NUL is ignored, not a 500', async () => {
      const res = await on.app.inject({
        url: '/api/me',
        headers: { cookie: 'parley_session=%00abc; parley_csrf=x%00' },
      });
      assert.equal(res.statusCode, 401);
      const page = await on.app.inject({ url: '/', headers: { cookie: 'parley_session=%00abc' } });
      assert.equal(page.statusCode, 200);
    });
  });
}
