import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { myCommentsPage } from '../accounts/profile.pages.ts';
import { outboxPage } from '../admin/admin.pages.ts';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, DEMO_ARTICLE_PATH, TEST_BASE_URL } from '../http/testing.ts';
import { setTopPicks } from '../topnews/topnews.usecases.ts';

// The finish a newcomer notices (#17): Top News, plurals, one vocabulary, the
// outbox's links, the embed example's address, the favicon and the manifest.

describe('the finish', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app.close());

  it("leaves the article being read out of its page's Top News", async () => {
    const slug = DEMO_ARTICLE_PATH.split('/').at(-1)!;
    const own = (await app.services.articlesRepository.getPublishedBySlug('demo', slug))!;
    await setTopPicks(app.services, { siteId: 'demo', articleIds: [own.id] });
    const topOf = (body: string) => body.match(/<section class="top-news"[\s\S]*?<\/section>/)?.[0] ?? '';
    assert.ok(topOf((await agent(app).get('/')).body).includes(DEMO_ARTICLE_PATH), 'picked on the front page');
    const top = topOf((await agent(app).get(DEMO_ARTICLE_PATH)).body);
    assert.ok(top.length > 0);
    assert.ok(!top.includes(`href="${DEMO_ARTICLE_PATH}"`), top);
  });

  it('puts counts in the right number and says "refused", never "rejected"', async () => {
    const site = (await app.services.sitesRepository.get('demo'))!;
    const chrome = await app.services.pages.chrome(site);
    const mine = (status: string, n: number) => ({
      id: `c${status}`,
      html: '<p>Hi</p>',
      status,
      statusReason: null,
      createdAt: '2026-06-15T06:00:00.000Z',
      story: { title: 'A story', url: '/world/a-story' },
      reactions: n,
      replies: n,
    });
    const one = myCommentsPage(chrome, [mine('published', 1)], null).toString();
    assert.match(one, /1 reaction · 1 reply</);
    const two = myCommentsPage(chrome, [mine('published', 2)], null).toString();
    assert.match(two, /2 reactions · 2 replies</);
    const refused = myCommentsPage(chrome, [mine('rejected', 0)], null).toString();
    assert.match(refused, /<strong>Refused<\/strong>/);
  });

  it('makes the addresses in an outbox mail clickable', () => {
    const site = { timeZone: 'Asia/Kolkata' } as never;
    const page = outboxPage(
      { site: { ...(site as object), name: 'P', language: 'en' }, sections: [], banner: [] } as never,
      [
        {
          id: 'm1',
          siteId: 'demo',
          to: 'a@example.org',
          subject: 'Confirm',
          text: 'Open https://news.test/account/verify?token=a&b=1. Thanks',
          createdAt: '2026-06-15T06:00:00.000Z',
          sentAt: null,
          error: null,
        },
      ],
      false,
    ).toString();
    assert.match(
      page,
      /<a href="https:\/\/news\.test\/account\/verify\?token=a&amp;b=1">https:\/\/news\.test\/account\/verify\?token=a&amp;b=1<\/a>\. Thanks/,
    );
  });

  it("serves the embed example with the site's public address, not :8080", async () => {
    const res = await agent(app).get('/embed/example.html');
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(`<script async src="${TEST_BASE_URL}/embed/loader.js"></script>`));
    assert.doesNotMatch(res.body, /8080|PARLEY_PUBLIC_URL\//);
  });

  it('ships a favicon and a web app manifest', async () => {
    const ico = await app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.equal(ico.statusCode, 200);
    assert.equal(ico.headers['content-type'], 'image/x-icon');
    assert.deepEqual([...ico.rawPayload.subarray(0, 4)], [0, 0, 1, 0]);
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    assert.equal(manifest.statusCode, 200);
    const m = manifest.json();
    assert.equal(m.start_url, '/');
    for (const icon of m.icons) {
      const res = await app.inject({ method: 'GET', url: icon.src });
      assert.equal(res.statusCode, 200, icon.src);
      assert.equal(res.headers['content-type'], icon.type);
    }
    const front = (await agent(app).get('/')).body;
    assert.match(front, /<link rel="manifest" href="\/manifest.webmanifest">/);
    assert.match(front, /<link rel="icon" href="\/favicon.ico"/);
  });
});
