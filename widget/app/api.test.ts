import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type ApiError, api, hasToken, setCsrf, setToken } from './api.ts';
import { fakeFetch, noContent } from './testing.ts';

let restore = () => {};
afterEach(() => {
  restore();
  setToken('');
  setCsrf('');
});

function withFetch(...answers: unknown[]) {
  const f = fakeFetch(...answers);
  restore = f.restore;
  return f.calls;
}

describe("the widget's door to the API", () => {
  it('reads JSON with the cookies of its own origin', async () => {
    const calls = withFetch({ ok: 1 });
    assert.deepEqual(await api('GET', '/api/embed/config'), { ok: 1 });
    assert.deepEqual(calls[0], {
      method: 'GET',
      path: '/api/embed/config',
      headers: { accept: 'application/json' },
      body: undefined,
      credentials: 'same-origin',
    });
  });

  it('sends the CSRF token with a change made on a cookie session', async () => {
    const calls = withFetch({});
    setCsrf('csrf-1');
    await api('POST', '/api/comments/c1/reports', { reason: 'spam' }, { 'idempotency-key': 'k' });
    assert.deepEqual(calls[0]!.headers, {
      accept: 'application/json',
      'content-type': 'application/json',
      'idempotency-key': 'k',
      'x-csrf-token': 'csrf-1',
    });
    assert.deepEqual(calls[0]!.body, { reason: 'spam' });
  });

  it('does not send the CSRF token when it only reads', async () => {
    const calls = withFetch({});
    setCsrf('csrf-1');
    await api('GET', '/api/auth/session');
    assert.equal(calls[0]!.headers['x-csrf-token'], undefined);
  });

  it('sends a bearer token instead, once it has one (in a frame, where cookies are blocked)', async () => {
    const calls = withFetch({}, {}, {});
    setCsrf('csrf-1');
    assert.equal(hasToken(), false);
    setToken('tok-1');
    assert.equal(hasToken(), true);
    await api('DELETE', '/api/comments/c1');
    await api('GET', '/api/me/notifications');
    assert.equal(calls[0]!.headers.authorization, 'Bearer tok-1');
    assert.equal(calls[0]!.headers['x-csrf-token'], undefined);
    assert.equal(calls[1]!.headers.authorization, 'Bearer tok-1');
    setToken('');
    assert.equal(hasToken(), false);
    await api('DELETE', '/api/comments/c1');
    assert.equal(calls[2]!.headers.authorization, undefined);
    assert.equal(calls[2]!.headers['x-csrf-token'], 'csrf-1');
  });

  it('answers null for No Content', async () => {
    withFetch(noContent());
    assert.equal(await api('DELETE', '/api/comments/c1/reaction'), null);
  });

  it("throws the API's error with its code, status and details", async () => {
    withFetch(
      Response.json(
        { error: { code: 'COMMENT_REFUSED', message: 'Please keep it civil.', details: { nudge: true } } },
        { status: 422 },
      ),
    );
    await assert.rejects(api('POST', '/api/stories/s1/comments', { body: 'x' }), (e: ApiError) => {
      assert.equal(e.message, 'Please keep it civil.');
      assert.equal(e.code, 'COMMENT_REFUSED');
      assert.equal(e.status, 422);
      assert.deepEqual(e.details, { nudge: true });
      return true;
    });
  });

  it('throws a plain HTTP error when the answer is not the API speaking', async () => {
    withFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    await assert.rejects(api('GET', '/api/embed/config'), (e: ApiError) => {
      assert.equal(e.message, 'HTTP 502');
      assert.equal(e.code, 'HTTP');
      assert.equal(e.status, 502);
      assert.equal(e.details, undefined);
      return true;
    });
  });
});
