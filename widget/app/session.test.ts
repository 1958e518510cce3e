import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type KeepSignInIo, keepSignIn, loginAddress, readAuthMessage } from './session.ts';

const OWN = 'https://news.test';
const frame = { frame: true, parentOrigin: 'https://blog.example' };
const page = { frame: false };

describe('signing in from the widget', () => {
  it("sends a reader on Parley's page to the login page and back to the comments", () => {
    assert.equal(
      loginAddress('/account/login', false, '/world/talks?comment=c1'),
      '/account/login?return=%2Fworld%2Ftalks%3Fcomment%3Dc1%23comments',
    );
  });

  it('opens the login in a popup that ends on the page handing back the token, in a frame', () => {
    assert.equal(
      loginAddress('https://news.test/account/login', true, '/embed/frame?url=x'),
      'https://news.test/account/login?return=%2Faccount%2Fpopup-done',
    );
  });

  it("takes the login popup's token from Parley's own origin only", () => {
    const m = { type: 'parley:signed-in', token: 'tok' };
    assert.deepEqual(readAuthMessage({ origin: OWN, data: m }, OWN, page), { kind: 'signed-in', token: 'tok' });
    assert.deepEqual(readAuthMessage({ origin: OWN, data: m }, OWN, frame), { kind: 'signed-in', token: 'tok' });
    assert.equal(readAuthMessage({ origin: 'https://evil.example', data: m }, OWN, page), null);
  });

  it("takes the publisher's sign-on token only in a frame, only from the page it was made for", () => {
    const m = { type: 'parley:sso-token', token: 'jwt' };
    assert.deepEqual(readAuthMessage({ origin: 'https://blog.example', data: m }, OWN, frame), {
      kind: 'sso',
      token: 'jwt',
    });
    assert.equal(readAuthMessage({ origin: 'https://evil.example', data: m }, OWN, frame), null);
    assert.equal(readAuthMessage({ origin: 'https://blog.example', data: m }, OWN, page), null);
    assert.equal(readAuthMessage({ origin: 'https://blog.example', data: m }, OWN, { frame: true }), null);
    // a sign-on token from our own origin is not one
    assert.equal(readAuthMessage({ origin: OWN, data: m }, OWN, frame), null);
  });

  it('ignores messages without a token or of another kind', () => {
    for (const data of [
      null,
      undefined,
      'parley:signed-in',
      {},
      { type: 'parley:signed-in' },
      { type: 'parley:signed-in', token: '' },
      { type: 'parley:signed-in', token: 42 },
      { type: 'parley:height', height: 300 },
    ])
      assert.equal(readAuthMessage({ origin: OWN, data }, OWN, frame), null, JSON.stringify(data));
  });
});

describe("keeping a sign-in inside another site's page", () => {
  const io = (partitioned: boolean | Error, cookieWorks: boolean) => {
    const tokens: string[] = [];
    const calls: KeepSignInIo = {
      setToken: (t) => tokens.push(t),
      embedSession: async () => {
        if (partitioned instanceof Error) throw partitioned;
        return { partitioned };
      },
      signedInByCookie: async () => cookieWorks,
    };
    return { calls, tokens };
  };

  it('moves to the partitioned cookie when the browser keeps it, and drops the bearer token', async () => {
    const { calls, tokens } = io(true, true);
    assert.equal(await keepSignIn('tok', calls), 'cookie');
    assert.deepEqual(tokens, ['tok', '']);
  });

  it('keeps the bearer token where Parley cannot set the cookie (plain HTTP)', async () => {
    const { calls, tokens } = io(false, false);
    assert.equal(await keepSignIn('tok', calls), 'token');
    assert.equal(tokens.at(-1), 'tok');
  });

  it('keeps the bearer token when the browser refused the cookie, or the request failed', async () => {
    for (const [partitioned, cookieWorks] of [
      [true, false],
      [new Error('offline'), false],
    ] as const) {
      const { calls, tokens } = io(partitioned, cookieWorks);
      assert.equal(await keepSignIn('tok', calls), 'token');
      assert.equal(tokens.at(-1), 'tok');
    }
  });
});
