import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { App } from '../http/app.ts';
import { buildTestApp } from '../http/testing.ts';
import { buildBundles } from './bundles.ts';

// The budgets the issue sets, in gzipped bytes.
const BUDGETS = { loader: 3 * 1024, app: 40 * 1024, counts: 1024 };

describe('widget bundles', () => {
  it('stay within their size budgets', async () => {
    const bundles = await buildBundles();
    for (const [name, budget] of Object.entries(BUDGETS) as [keyof typeof BUDGETS, number][]) {
      const size = bundles[name].gzip.length;
      console.log(`# ${name}: ${bundles[name].body.length} bytes, ${size} gzipped (budget ${budget})`);
      assert.ok(size < budget, `${name} is ${size} bytes gzipped, over its ${budget}`);
      assert.equal(gunzipSync(bundles[name].gzip).toString(), bundles[name].body.toString());
    }
    assert.match(bundles.app.path, /^\/embed\/app\.[0-9a-f]{12}\.js$/);
    assert.equal(bundles.loader.path, '/embed/loader.js');
  });
});

describe('embedding', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    const settings = await app.services.storiesRepository.getSettings('demo');
    await app.services.storiesRepository.saveSettings({ ...settings, allowedOrigins: ['https://blog.example'] });
  });
  after(async () => {
    await app.close();
  });

  it('lets only allowed origins frame the comments', async () => {
    const ok = await app.inject({ url: '/embed/frame?url=https://blog.example/p/1&origin=https://blog.example' });
    assert.equal(ok.statusCode, 200);
    const policy = String(ok.headers['content-security-policy']);
    assert.match(policy, /frame-ancestors 'self' https:\/\/news\.test https:\/\/blog\.example$/);
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"])
      assert.ok(policy.includes(d), d);
    assert.match(ok.body, /<script src="\/embed\/app\.[0-9a-f]+\.js"><\/script>/);
    const bad = await app.inject({ url: '/embed/frame?url=https://evil.example/p&origin=https://evil.example' });
    assert.equal(bad.statusCode, 403);
    assert.match(bad.body, /may not embed comments/);
  });

  it('serves the loader under a fixed name and the app under a hashed one, compressed', async () => {
    const loader = await app.inject({ url: '/embed/loader.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(loader.headers['content-encoding'], 'gzip');
    assert.equal(loader.headers['cache-control'], 'public, max-age=300');
    const page = await app.inject({ url: '/world/island-nations-agree-to-reopen-fisheries-talks' });
    const src = /<script src="(\/embed\/app\.[0-9a-f]+\.js)" defer><\/script>/.exec(page.body)?.[1];
    assert.ok(src);
    assert.match(String((await app.inject({ url: src })).headers['cache-control']), /immutable/);
    const front = await app.inject({ url: '/' });
    assert.match(front.body, /<script src="\/embed\/counts\.[0-9a-f]+\.js" defer><\/script>/);
    assert.match(front.body, /data-parley-count="article:/);
  });

  it('creates a story on first load, keyed by story id, or by normalised URL', async () => {
    const a = (
      await app.inject({ url: '/api/stories/resolve?storyId=post-7&url=https://blog.example/p/7&title=Seven' })
    ).json();
    const b = (
      await app.inject({ url: '/api/stories/resolve?storyId=post-7&url=https://blog.example/p/7-renamed' })
    ).json();
    assert.equal(a.id, b.id);
    assert.equal(a.title, 'Seven');
    const c = (await app.inject({ url: '/api/stories/resolve?url=https://www.blog.example/p/8/?utm_source=x' })).json();
    const d = (await app.inject({ url: '/api/stories/resolve?url=http://blog.example/p/8' })).json();
    assert.equal(c.id, d.id);
    const bad = await app.inject({ url: '/api/stories/resolve?url=javascript:alert(1)' });
    assert.equal(bad.json().error.code, 'STORY_URL_INVALID');
  });
});

describe('what the widget asks the server', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    const settings = await app.services.storiesRepository.getSettings('demo');
    await app.services.storiesRepository.saveSettings({
      ...settings,
      reactionLabel: 'Agree',
      maxLength: 1500,
      allowedOrigins: ['https://blog.example', 'https://bad.example; script-src *'],
    });
  });
  after(async () => {
    await app.close();
  });

  it("gives the site's name, zone, first guideline line and comment settings, cached a minute", async () => {
    const res = await app.inject({ url: '/api/embed/config' });
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const config = res.json();
    const site = (await app.services.sitesRepository.get('demo'))!;
    assert.equal(config.siteName, site.name);
    assert.equal(config.timeZone, site.timeZone);
    assert.equal(config.guidelines, site.guidelines.split('\n')[0]);
    assert.equal(config.reactionLabel, 'Agree');
    assert.equal(config.maxLength, 1500);
    assert.deepEqual(
      [config.guidelinesUrl, config.loginUrl, config.registerUrl],
      ['/community-guidelines', '/account/login', '/account/register'],
    );
  });

  it('keeps an allowed origin from adding directives to the frame policy', async () => {
    const res = await app.inject({ url: '/embed/frame?url=https://blog.example/p/1' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'self' https:\/\/news\.test https:\/\/blog\.example$/);
    assert.equal(csp.match(/script-src/g)?.length, 1);
  });

  it('labels the frame in the language asked, or English for anything odd', async () => {
    const fr = await app.inject({ url: '/embed/frame?url=https://blog.example/p/1&lang=fr-CA' });
    assert.match(fr.body, /<html lang="fr-CA">/);
    const odd = await app.inject({ url: '/embed/frame?url=https://blog.example/p/1&lang=%22%3E%3Cscript%3E' });
    assert.match(odd.body, /<html lang="en">/);
  });

  it('sends the old counts address to the hashed bundle, and plain bytes to clients without gzip', async () => {
    const old = await app.inject({ url: '/embed/counts.js' });
    assert.equal(old.statusCode, 302);
    assert.match(String(old.headers.location), /^\/embed\/counts\.[0-9a-f]{12}\.js$/);
    const plain = await app.inject({ url: '/embed/loader.js' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['access-control-allow-origin'], '*');
    assert.equal(plain.body, app.services.widget.bundles.loader.body.toString());
  });

  it('counts comments for the counts script, from any page', async () => {
    const res = await app.inject({ url: '/api/counts?keys=ext:none,url:https://blog.example/p/1' });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cache-control'], 'public, max-age=30');
    assert.deepEqual(res.json().counts, { 'ext:none': 0, 'url:https://blog.example/p/1': 0 });
  });
});
