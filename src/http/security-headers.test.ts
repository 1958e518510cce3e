import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from './app.ts';
import { agent, buildTestApp, DEMO_ARTICLE_PATH } from './testing.ts';

// A strict Content-Security-Policy on every page, and pages that keep to it:
// no inline script runs (JSON-LD is data), so none is written.

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('Content-Security-Policy', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app.close());

  it('every page has default-src, script-src without inline, object-src none, base-uri none, frame-ancestors', async () => {
    for (const url of ['/', DEMO_ARTICLE_PATH, '/world/', '/account/login', '/account/register', '/search?q=fish']) {
      const res = await agent(app).get(url);
      assert.equal(res.status, 200, url);
      const d = directives(String(res.headers['content-security-policy']));
      assert.equal(d.get('default-src'), "'self'", url);
      assert.equal(d.get('script-src'), "'self'", url);
      assert.equal(d.get('object-src'), "'none'", url);
      assert.equal(d.get('base-uri'), "'none'", url);
      assert.equal(d.get('frame-ancestors'), "'self'", url);
      // the pages keep to it: every script is a file, or JSON-LD
      for (const tag of res.body.matchAll(/<script\b[^>]*>/g))
        assert.match(tag[0], /\bsrc="\/|type="application\/ld\+json"/, `${url}: ${tag[0]}`);
      assert.doesNotMatch(res.body, /\son[a-z]+="/, `${url}: an inline event handler`);
    }
  });

  it('the widget frame has the same policy, framed by the site and its allowed origins only', async () => {
    const res = await app.inject({ url: '/embed/frame?url=https://news.test/x' });
    const d = directives(String(res.headers['content-security-policy']));
    assert.equal(d.get('script-src'), "'self'");
    assert.equal(d.get('object-src'), "'none'");
    assert.equal(d.get('frame-ancestors'), "'self' https://news.test");
  });
});
