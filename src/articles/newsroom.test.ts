import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, signedInReader, textOf } from '../http/testing.ts';
import { blocksToText, lineDiff, textToBlocks } from './body-text.ts';

type Reader = Awaited<ReturnType<typeof signedInReader>>;

describe('the newsroom', () => {
  let app: App;
  let clock = new Date('2026-06-15T06:30:00.000Z');
  let ed: Reader;
  let world: string;
  before(async () => {
    app = await buildTestApp({ now: () => clock });
    ed = await signedInReader(app, 'ed@example.org', 'Edna Editor', 'editor');
    world = (await app.services.articlesRepository.getSectionBySlug('demo', 'world'))!.id;
  });
  after(async () => app?.close());

  const draft = (headline: string, extra: Record<string, unknown> = {}) =>
    ed.api(
      'POST',
      '/api/admin/articles',
      {
        headline,
        standfirst: `About ${headline.toLowerCase()}.`,
        bodyText: `First paragraph of ${headline}.\n\n## A subheading\n\nSecond paragraph.`,
        sectionId: world,
        tags: 'Harbours, Fishing',
        dateline: 'Colombo',
        ...extra,
      },
      ed.h,
    );

  it('is for editors and admins only', async () => {
    const reader = await signedInReader(app, 'r@example.org', 'Rita');
    const mod = await signedInReader(app, 'm@example.org', 'Mo', 'moderator');
    for (const r of [reader, mod]) {
      assert.equal((await r.api('GET', '/api/admin/articles')).status, 403);
      assert.equal(
        (
          await r.api(
            'POST',
            '/api/admin/articles',
            { headline: 'X', standfirst: '', bodyText: 'Y', sectionId: world },
            r.h,
          )
        ).status,
        403,
      );
    }
    assert.equal((await ed.get('/admin/articles')).status, 200);
  });

  it('writes a draft, publishes it to the front page, the feeds and search, and refuses a stale save', async () => {
    const created = await draft('Harbour pilots strike over night shifts');
    assert.equal(created.status, 201);
    const a = created.json().article;
    assert.equal(a.slug, 'harbour-pilots-strike-over-night-shifts');
    assert.equal(a.dateline, 'COLOMBO');
    assert.deepEqual(
      a.body.map((b: { type: string }) => b.type),
      ['paragraph', 'heading', 'paragraph'],
    );
    assert.equal((await app.inject({ url: `/world/${a.slug}` })).statusCode, 404, 'a draft is not public');
    const pub = await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h);
    assert.equal(pub.status, 200);
    assert.equal(pub.json().article.publishedAt, clock.toISOString());
    assert.equal((await app.inject({ url: `/world/${a.slug}` })).statusCode, 200);
    assert.match((await app.inject({ url: '/' })).body, /Harbour pilots strike over night shifts/);
    assert.match((await app.inject({ url: '/feed.xml' })).body, /Harbour pilots strike/);
    assert.match((await app.inject({ url: '/world/feed.xml' })).body, /Harbour pilots strike/);
    assert.match(
      (await app.inject({ url: '/sitemap-news.xml' })).body,
      /<news:title>Harbour pilots strike over night shifts<\/news:title>/,
    );
    assert.match(
      (await app.inject({ url: '/search?q=harbour%20pilot' })).body,
      /Harbour pilots strike over night shifts/,
    );
    assert.doesNotMatch((await app.inject({ url: '/search?q=zebra' })).body, /Harbour pilots/);
    // the demo's own articles (written by the seed, not the newsroom) are found too
    assert.match(
      (await app.inject({ url: '/search?q=fisheries' })).body,
      /Island nations agree to reopen fisheries talks/i,
    );
    // a save on a stale version is refused
    const stale = await ed.api(
      'PUT',
      `/api/admin/articles/${a.id}`,
      { version: a.version, headline: 'Old', standfirst: '', bodyText: 'x', sectionId: world },
      ed.h,
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.json().error.code, 'ARTICLE_CONFLICT');
    // a slug is one article's
    const dup = await draft('Harbour pilots strike over night shifts');
    assert.equal(dup.json().error.code, 'SLUG_TAKEN');
  });

  it('publishes a scheduled article at its time (fake clock), not before', async () => {
    const a = (await draft('Port authority to publish the new tariff')).json().article;
    const at = new Date(clock.getTime() + 3_600_000).toISOString();
    const s = await ed.api('POST', `/api/admin/articles/${a.id}/schedule`, { version: a.version, at }, ed.h);
    assert.equal(s.status, 200);
    assert.equal(s.json().article.scheduledAt, at);
    assert.equal(
      (
        await ed.api(
          'POST',
          `/api/admin/articles/${a.id}/schedule`,
          { version: s.json().article.version, at: '2020-01-01T00:00:00Z' },
          ed.h,
        )
      ).json().error.code,
      'SCHEDULE_IN_PAST',
    );
    const system = { id: 'system', displayName: 'Scheduler' } as User;
    clock = new Date(clock.getTime() + 30 * 60_000);
    assert.equal(await app.services.newsroom.publishDue(system), 0);
    assert.equal((await app.inject({ url: `/world/${a.slug}` })).statusCode, 404);
    clock = new Date(clock.getTime() + 45 * 60_000);
    assert.equal(await app.services.newsroom.publishDue(system), 1);
    const page = await app.inject({ url: `/world/${a.slug}` });
    assert.equal(page.statusCode, 200);
    const after = (await ed.api('GET', `/api/admin/articles/${a.id}`)).json();
    assert.equal(after.state, 'published');
    assert.equal(after.article.publishedAt, at, 'published at the scheduled time');
    // a scheduled time can be given as the site's local time (datetime-local)
    const b = (await draft('Ferry timetable changes next month')).json().article;
    const local = await ed.api(
      'POST',
      `/api/admin/articles/${b.id}/schedule`,
      { version: b.version, at: '2026-06-20T09:30' },
      ed.h,
    );
    assert.equal(local.json().article.scheduledAt, '2026-06-20T04:00:00.000Z', '09:30 in Kolkata is 04:00 UTC');
  });

  it('marks an update, shows a correction, and restores an earlier revision', async () => {
    const a = (await draft('Customs clears backlog at the western port')).json().article;
    let v = (await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h)).json().article
      .version;
    const line = () => app.inject({ url: `/world/${a.slug}` }).then((r) => textOf(r.body, 'time-line'));
    assert.doesNotMatch((await line())!, /Updated/);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const u = await ed.api('POST', `/api/admin/articles/${a.id}/update`, { version: v }, ed.h);
    v = u.json().article.version;
    assert.match((await line())!, /\| Updated .* IST - COLOMBO$/);
    const c = await ed.api(
      'POST',
      `/api/admin/articles/${a.id}/correct`,
      { version: v, note: 'An earlier version gave the wrong port.' },
      ed.h,
    );
    v = c.json().article.version;
    assert.match(
      (await app.inject({ url: `/world/${a.slug}` })).body,
      /<strong>Correction<\/strong>[^<]*: An earlier version gave the wrong port\./,
    );
    const edit = await ed.api(
      'PUT',
      `/api/admin/articles/${a.id}`,
      {
        version: v,
        headline: 'Customs clears the backlog at last',
        standfirst: 'S.',
        bodyText: 'A rewritten first paragraph.',
        sectionId: world,
      },
      ed.h,
    );
    v = edit.json().article.version;
    const { revisions } = (await ed.api('GET', `/api/admin/articles/${a.id}`)).json();
    assert.ok(revisions.length >= 4);
    const first = revisions.at(-1);
    const restored = await ed.api(
      'POST',
      `/api/admin/articles/${a.id}/restore`,
      { version: v, revisionId: first.id },
      ed.h,
    );
    assert.equal(restored.json().article.headline, 'Customs clears backlog at the western port');
    assert.equal(restored.json().article.status, 'published');
    assert.match((await ed.get(`/admin/articles/${a.id}`)).body, /changed lines/);
  });

  it('sends a live entry and the banner to open pages at once, and ends idle coverage', async () => {
    const blog = (await app.services.articlesRepository.getPublishedBySlug(
      'demo',
      'continental-cup-live-group-stage-final-day',
    ))!;
    const written: string[] = [];
    const fake = { write: (s: string) => written.push(s) > 0 } as unknown as ServerResponse;
    const reader = app.services.liveHub.open('demo', blog.id, fake);
    const elsewhere: string[] = [];
    const other = app.services.liveHub.open('demo', null, {
      write: (s: string) => elsewhere.push(s) > 0,
    } as unknown as ServerResponse);
    const posted = await ed.api(
      'POST',
      `/api/admin/liveblogs/${blog.id}/entries`,
      { headline: 'Late equaliser in Group B', text: 'A header in the 89th minute levels the match.', keyEvent: true },
      ed.h,
    );
    assert.equal(posted.status, 201);
    for (let i = 0; i < 50 && !written.some((w) => w.startsWith('event: entry')); i++)
      await new Promise((r) => setTimeout(r, 10));
    const entry = written.find((w) => w.startsWith('event: entry'))!;
    assert.match(entry, /Late equaliser in Group B/);
    assert.match(entry, /Key event/);
    assert.ok(
      written.some((w) => w.startsWith('event: banner') && w.includes('Late equaliser in Group B')),
      'the banner shows the newest entry',
    );
    assert.ok(
      elsewhere.some((w) => w.startsWith('event: banner')),
      'every page gets the banner',
    );
    assert.ok(!elsewhere.some((w) => w.startsWith('event: entry')), "only the blog's readers get its entries");
    reader();
    other();
    // the live blog page has it too
    assert.match((await app.inject({ url: `/sport/${blog.slug}` })).body, /Late equaliser in Group B/);
    // twelve hours without an entry: coverage ends and the banner goes
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    assert.ok((await app.services.newsroom.endIdleLiveBlogs({ id: 'system', displayName: 'Scheduler' } as User)) >= 1);
    assert.doesNotMatch((await app.inject({ url: '/' })).body, /class="live-banner"/);
  });

  it("ranks today's stories by readers and comments, counting a reload once", async () => {
    const mk = async (headline: string) => {
      const a = (await draft(headline)).json().article;
      await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h);
      return a;
    };
    const quiet = await mk('Lighthouse keepers mark a quiet anniversary');
    const read = await mk('Fish prices fall as the catch recovers');
    const hit = (id: string, ip: string, ua = 'Mozilla/5.0 Test') =>
      app.inject({
        method: 'POST',
        url: '/api/views',
        payload: id,
        remoteAddress: ip,
        headers: { 'user-agent': ua, 'content-type': 'text/plain' },
      });
    for (let i = 0; i < 5; i++) assert.equal((await hit(read.id, '203.0.113.7')).statusCode, 204); // one reader reloading
    await hit(read.id, '203.0.113.8');
    await hit(read.id, '203.0.113.9');
    await hit(quiet.id, '203.0.113.10', 'Googlebot/2.1');
    assert.equal((await hit('nosucharticle', '203.0.113.11')).statusCode, 204, 'the same answer for anything');
    await app.services.views.flush();
    const rows = await app.services.storage.db.selectFrom('article_views').select(['article_id', 'views']).execute();
    assert.equal(rows.find((r) => r.article_id === read.id)?.views, 3);
    assert.equal(
      rows.find((r) => r.article_id === quiet.id),
      undefined,
      'crawlers do not count',
    );
    // No editors' picks: the day's stories by readers alone; the read one first.
    assert.equal((await ed.api('PUT', '/api/admin/top-picks', { articleIds: [] }, ed.h)).status, 204);
    const top = (await app.inject({ url: '/api/top-news' })).json();
    const order = top.topNews.map((t: { id: string }) => t.id);
    assert.ok(
      order.includes(read.id) && order.includes(quiet.id),
      JSON.stringify(top.topNews.map((t: { headline: string }) => t.headline)),
    );
    assert.ok(order.indexOf(read.id) < order.indexOf(quiet.id));
    const { score } = await import('../topnews/ranking.ts');
    const at = new Date('2026-06-15T12:00:00Z');
    assert.ok(
      score({ publishedAt: '2026-06-15T10:00:00Z' }, { views: 10, comments: 0 }, at) <
        score({ publishedAt: '2026-06-15T10:00:00Z' }, { views: 10, comments: 2 }, at),
    );
    assert.ok(
      score({ publishedAt: '2026-06-15T02:00:00Z' }, { views: 20, comments: 0 }, at) <
        score({ publishedAt: '2026-06-15T11:00:00Z' }, { views: 20, comments: 0 }, at),
      'older stories decay',
    );
  });

  it('serves the author feed, the sitemap index and oEmbed', async () => {
    assert.match((await app.inject({ url: '/authors/anjali-menon/feed.xml' })).body, /<rss/);
    assert.equal((await app.inject({ url: '/authors/nobody/feed.xml' })).statusCode, 404);
    assert.match((await app.inject({ url: '/sitemap-index.xml' })).body, /sitemap-news\.xml/);
    const o = await app.inject({
      url: '/oembed?url=https%3A%2F%2Fnews.test%2Fworld%2Fisland-nations-agree-to-reopen-fisheries-talks',
    });
    assert.equal(o.json().type, 'rich');
    assert.match(o.json().html, /Island nations/i);
    assert.equal((await app.inject({ url: '/oembed?url=https%3A%2F%2Fevil.example%2Fworld%2Fx' })).statusCode, 404);
  });
});

describe("the body editor's text", () => {
  it('round-trips paragraphs, subheadings and quotes with their source', () => {
    const text = 'One.\n\n## Two\n\n> Three, quoted.\n> — A. Minister\n\nFour **bold**.';
    const blocks = textToBlocks(text);
    assert.deepEqual(blocks, [
      { type: 'paragraph', text: 'One.' },
      { type: 'heading', text: 'Two' },
      { type: 'quote', text: 'Three, quoted.', cite: 'A. Minister' },
      { type: 'paragraph', text: 'Four **bold**.' },
    ]);
    assert.equal(blocksToText(blocks), text);
  });
  it('embeds a YouTube video in the privacy-enhanced player and other sites as link cards', async () => {
    const { renderBody } = await import('./body.ts');
    const blocks = textToBlocks(
      '!embed https://www.youtube.com/watch?v=dQw4w9WgXcQ The press conference\n\n!embed https://example.org/statement.pdf The full statement\n\n!embed javascript:alert(1)',
    );
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['embed', 'embed', 'paragraph'],
    );
    const out = renderBody(blocks).toString();
    assert.match(
      out,
      /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ" title="The press conference"/,
    );
    assert.match(
      out,
      /<a href="https:\/\/example\.org\/statement\.pdf" rel="noopener nofollow">example\.org\/statement\.pdf<\/a><figcaption>The full statement<\/figcaption>/,
    );
    assert.doesNotMatch(out, /href="javascript/);
    assert.equal(
      blocksToText(blocks.slice(0, 2)),
      '!embed https://www.youtube.com/watch?v=dQw4w9WgXcQ The press conference\n\n!embed https://example.org/statement.pdf The full statement',
    );
  });
  it('diffs lines', () => {
    assert.deepEqual(
      lineDiff('a\nb\nc', 'a\nc\nd').filter((x) => x.kind !== 'same'),
      [
        { kind: 'removed', line: 'b' },
        { kind: 'added', line: 'd' },
      ],
    );
  });
});

describe('images', () => {
  it('uploads, resizes to responsive sizes, and places an image with its caption and credit', async () => {
    const sharp = (await import('sharp')).default;
    const app = await buildTestApp();
    try {
      const ed = await signedInReader(app, 'ed@example.org', 'Edna Editor', 'editor');
      const world = (await app.services.articlesRepository.getSectionBySlug('demo', 'world'))!.id;
      const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3366aa' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Copyright: 'secret camera' } } })
        .toBuffer();
      const up = await app.inject({
        method: 'POST',
        url: '/api/admin/images',
        payload: photo,
        headers: { 'content-type': 'image/jpeg', cookie: ed.cookieHeader(), ...ed.h },
      });
      assert.equal(up.statusCode, 201, up.body);
      const image = up.json().image;
      assert.deepEqual(
        image.widths,
        [320, 640, 1024, 1600, 2000],
        'the breakpoints below the original, and the original size',
      );
      assert.equal(image.width, 2000);
      const small = await app.inject({ url: `${image.base}/640.webp` });
      assert.equal(small.headers['content-type'], 'image/webp');
      assert.equal((await sharp(small.rawPayload).metadata()).width, 640);
      assert.equal((await sharp(small.rawPayload).metadata()).exif, undefined, 'metadata is stripped');
      assert.equal((await app.inject({ url: `${image.base}/fallback.jpg` })).headers['content-type'], 'image/jpeg');
      assert.equal((await app.inject({ url: `${image.base}/../../x` })).statusCode, 404);
      const notImage = await app.inject({
        method: 'POST',
        url: '/api/admin/images',
        payload: Buffer.from('<svg onload=alert(1)>'),
        headers: { 'content-type': 'image/svg+xml', cookie: ed.cookieHeader(), ...ed.h },
      });
      assert.equal(notImage.json().error.code, 'IMAGE_INVALID');
      const bodyText = `The harbour at dawn.\n\n![Fishing boats at the quay](image:${image.id}) Boats wait for the talks | Photo: A. Perera`;
      const a = (
        await ed.api(
          'POST',
          '/api/admin/articles',
          { headline: 'Boats wait at the quay', standfirst: 'S.', bodyText, sectionId: world },
          ed.h,
        )
      ).json().article;
      assert.equal(a.body[1].type, 'image');
      await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h);
      const page = (await app.inject({ url: `/world/${a.slug}` })).body;
      assert.match(
        page,
        /<figure class="article-image"><picture><source type="image\/webp" srcset="[^"]*640\.webp 640w/,
      );
      assert.match(page, /<img src="[^"]*fallback\.jpg" alt="Fishing boats at the quay" width="2000" height="1000"/);
      assert.match(
        page,
        /<figcaption>Boats wait for the talks <span class="credit">Photo: A\. Perera<\/span><\/figcaption>/,
      );
      // an id that is not an image of this site stays text
      const other = (
        await ed.api(
          'POST',
          '/api/admin/articles',
          { headline: 'No such image here', standfirst: 'S.', bodyText: '![x](image:nope) y', sectionId: world },
          ed.h,
        )
      ).json().article;
      assert.equal(other.body[0].type, 'paragraph');
      // the editor's form: upload and append
      assert.match((await ed.get(`/admin/articles/${a.id}`)).body, /enctype="multipart\/form-data"/);
    } finally {
      await app.close();
    }
  });
});

describe('WebSub', () => {
  it('pings the hub with the site and section feeds when an article is published, and the feeds name the hub', async () => {
    const pings: string[] = [];
    const fakeFetch = (async (_url: string, init: { body: string }) => {
      pings.push(new URLSearchParams(init.body).get('hub.url')!);
      return new Response('', { status: 204 });
    }) as unknown as typeof fetch;
    const app = await buildTestApp({ env: { PARLEY_WEBSUB_HUB: 'https://hub.example/' }, fetch: fakeFetch });
    try {
      const ed = await signedInReader(app, 'ed@example.org', 'Edna Editor', 'editor');
      const world = (await app.services.articlesRepository.getSectionBySlug('demo', 'world'))!.id;
      const a = (
        await ed.api(
          'POST',
          '/api/admin/articles',
          { headline: 'Hub test story', standfirst: 'S.', bodyText: 'Text.', sectionId: world },
          ed.h,
        )
      ).json().article;
      assert.deepEqual(pings, [], 'a draft pings nobody');
      await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h);
      for (let i = 0; i < 50 && pings.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(pings, ['https://news.test/feed.xml', 'https://news.test/world/feed.xml']);
      assert.match(
        (await app.inject({ url: '/feed.xml' })).body,
        /<atom:link href="https:\/\/hub\.example\/" rel="hub"\/>/,
      );
    } finally {
      await app.close();
    }
  });
});
