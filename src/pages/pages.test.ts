import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { App } from '../http/app.ts';
import { buildTestApp, TEST_NOW, textOf } from '../http/testing.ts';
import { newId } from '../shared/ids.ts';

const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';
const LIVE = '/sport/continental-cup-live-group-stage-final-day';

/** The page without its Top News sidebar. */
function mainColumn(html: string): string {
  return html.slice(0, html.indexOf('<aside'));
}

function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('news site pages', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('serves the front page with banner, lead stories, Top News Today and sections', async () => {
    const res = await app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const html = res.body;
    const banner = /<div class="live-banner"[\s\S]*?<\/div><\/div>/.exec(html)?.[0] ?? '';
    assert.equal(
      banner
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
      'Continental Cup 2026 · Continental Cup group stage LIVE | Goalless at half-time in both Group C matches',
    );
    assert.match(html, /aria-label="Lead stories"/);
    assert.match(html, /<h2 id="top-news-heading">Top News Today<\/h2>/);
    for (const section of ['World', 'National', 'Business', 'Sport'])
      assert.match(html, new RegExp(`<h2 id="sec-[a-z]+"><a href="/[a-z]+/">${section}</a>`));
    assert.match(html, /<link rel="canonical" href="https:\/\/news.test\/">/);
  });

  it('lists editors picks first in Top News Today, then the day in the site zone', async () => {
    const html = (await app.inject({ url: '/' })).body;
    const top = /<section class="top-news"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const links = [...top.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(links.slice(0, 4), [
      LIVE,
      '/national/monsoon-arrives-early-over-kerala-coast',
      ARTICLE,
      '/opinion/why-public-libraries-deserve-more-money',
    ]);
    assert.equal(links.length, 6);
    // published 6 hours before noon IST: today, so it follows the picks
    assert.equal(links[4], '/business/small-lenders-report-rise-in-rural-credit');
  });

  it('renders the article page in the order of the seed page', async () => {
    const res = await app.inject({ url: ARTICLE });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const order = [
      'class="live-banner"',
      '<h1>Island nations agree to reopen fisheries talks after two-year freeze</h1>',
      'class="standfirst"',
      'class="time-line"',
      'class="byline"',
      'class="article-body"',
      'class="comments"',
      'data-guidelines',
      'Top News Today',
    ];
    const positions = order.map((s) => html.indexOf(s));
    assert.ok(
      positions.every((p) => p > 0),
      `missing: ${order.filter((_, i) => positions[i]! < 0)}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    // published 412 days and 5 hours before noon IST on June 15, updated 2 days and 3 hours before
    assert.equal(textOf(html, 'time-line'), 'April 29, 2025 07:00 am | Updated June 13, 2026 09:00 am IST - COLOMBO');
    assert.equal(textOf(html, 'byline'), 'By Anjali Menon');
    assert.match(html, /<blockquote><p>We expect the technical talks/);
    assert.match(html, /<h2>Why the talks stalled<\/h2>/);
    assert.match(html, /<a href="https:\/\/example.org\/maritime">Institute of Maritime Affairs<\/a>/);
    assert.match(textOf(html, 'guidelines') ?? '', /in English, in complete sentences/);
    assert.match(html, /href="\/account\/register"/);
    assert.match(html, /href="\/account\/login"/);
  });

  it('shows no "Updated" for an article that was never updated', async () => {
    const html = (await app.inject({ url: '/national/monsoon-arrives-early-over-kerala-coast' })).body;
    assert.equal(textOf(html, 'time-line'), 'June 15, 2026 09:00 am IST - THIRUVANANTHAPURAM');
  });

  it('describes the article for search engines and social networks', async () => {
    const html = (await app.inject({ url: ARTICLE })).body;
    const [ld] = jsonLd(html);
    assert.equal(ld?.['@type'], 'NewsArticle');
    assert.equal(ld?.headline, 'Island nations agree to reopen fisheries talks after two-year freeze');
    assert.equal(
      ld?.description,
      'Negotiators from the three governments had not met since a summit in Lisbon ended without a joint statement.',
    );
    assert.equal(ld?.datePublished, '2025-04-29T01:30:00.000Z');
    assert.equal(ld?.dateModified, '2026-06-13T03:30:00.000Z');
    assert.equal(ld?.dateline, 'Colombo');
    assert.deepEqual(ld?.author, [
      { '@type': 'Person', name: 'Anjali Menon', url: 'https://news.test/authors/anjali-menon' },
    ]);
    assert.equal(ld?.publisher?.name, 'The Meridian Herald');
    assert.match(html, /<meta property="og:type" content="article">/);
    assert.match(
      html,
      /<meta property="og:url" content="https:\/\/news.test\/world\/island-nations-agree-to-reopen-fisheries-talks">/,
    );
    assert.match(html, /<meta property="article:published_time" content="2025-04-29T01:30:00.000Z">/);
    assert.match(
      html,
      /<link rel="canonical" href="https:\/\/news.test\/world\/island-nations-agree-to-reopen-fisheries-talks">/,
    );
  });

  it('serves the live blog newest first, with key events and LiveBlogPosting', async () => {
    const html = (await app.inject({ url: LIVE })).body;
    const entries = [
      ...html.matchAll(/<li class="live-entry[^"]*" id="entry-[^"]+"><time datetime="([^"]+)">([^<]+)<\/time>/g),
    ];
    assert.equal(entries.length, 12);
    const times = entries.map((m) => m[1]!);
    assert.deepEqual(times, [...times].sort().reverse());
    // 9 minutes before noon IST
    assert.equal(entries[0]?.[2], 'June 15, 2026 11:51 am IST');
    const keyEvents = /<nav class="key-events"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    assert.equal([...keyEvents.matchAll(/<li>/g)].length, 4);
    const [ld] = jsonLd(html);
    assert.equal(ld?.['@type'], 'LiveBlogPosting');
    assert.equal(ld?.liveBlogUpdate.length, 12);
    assert.equal(ld?.coverageStartTime, '2026-06-15T02:30:00.000Z');
    assert.equal(ld?.coverageEndTime, undefined);
  });

  it('redirects a story under the wrong section to its canonical address', async () => {
    const res = await app.inject({ url: '/sport/island-nations-agree-to-reopen-fisheries-talks' });
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, ARTICLE);
    const bare = await app.inject({ url: '/world' });
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/world/');
  });

  it('answers unknown addresses with the site 404 page', async () => {
    for (const url of ['/world/no-such-story', '/no-such-section/', '/authors/nobody', '/tags/nothing', '/a/b/c']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<h1>We could not find that page<\/h1>/, url);
      assert.match(res.body, /<meta name="robots" content="noindex">/, url);
    }
  });

  it('serves section, author and tag pages', async () => {
    const section = await app.inject({ url: '/business/' });
    assert.equal(section.statusCode, 200);
    assert.match(section.body, /<h1>Business<\/h1>/);
    assert.match(section.body, /small-lenders-report-rise-in-rural-credit/);
    assert.doesNotMatch(mainColumn(section.body), /monsoon-arrives/);
    assert.match(section.body, /href="\/business\/feed.xml"/);
    const author = await app.inject({ url: '/authors/meera-iyer' });
    assert.match(author.body, /<h1>Meera Iyer<\/h1>/);
    assert.equal([...author.body.matchAll(/<li><h2>/g)].length, 2);
    const tag = await app.inject({ url: '/tags/fisheries' });
    assert.match(tag.body, /<h1>Fisheries<\/h1>/);
    assert.match(tag.body, /island-nations-agree/);
  });

  it('pages through a section by time and rejects a malformed cursor', async () => {
    const older = await app.inject({ url: '/national/?before=2026-06-15T03:00:00.000Z' });
    assert.equal(older.statusCode, 200);
    assert.doesNotMatch(mainColumn(older.body), /monsoon-arrives/);
    assert.match(older.body, /city-council-approves-new-metro-line/);
    const bad = await app.inject({ url: '/national/?before=yesterday', headers: { accept: 'application/json' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    assert.match(bad.json().error.message, /before/);
  });

  it('lets proxies cache anonymous pages and revalidate them', async () => {
    const first = await app.inject({ url: ARTICLE });
    assert.match(first.headers['cache-control'] as string, /^public, max-age=10, s-maxage=10,/);
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await app.inject({ url: ARTICLE, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const zipped = await app.inject({ url: ARTICLE, headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.rawPayload).toString(), first.body);
  });

  it('sends protective headers: no framing by other sites, no sniffing', async () => {
    const res = await app.inject({ url: ARTICLE });
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  it('serves the stylesheet with an immutable, hashed name', async () => {
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec((await app.inject({ url: '/' })).body)?.[1];
    assert.match(href ?? '', /^\/assets\/site\.[0-9a-f]{12}\.css$/);
    const css = await app.inject({ url: href! });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['cache-control'] as string, /immutable/);
    assert.match(css.body, /\.live-banner/);
  });

  it('serves the community guidelines as a numbered list', async () => {
    const html = (await app.inject({ url: '/community-guidelines' })).body;
    assert.equal([...html.matchAll(/<li id="guideline-\d">/g)].length, 5);
  });
});

describe('page freshness', () => {
  it('keeps a rendered page until the content changes, then shows the change', async () => {
    const app = await buildTestApp();
    try {
      const { articlesRepository: articles, bus } = app.services;
      const section = await articles.getSectionBySlug('demo', 'world');
      const before = (await app.inject({ url: '/' })).body;
      await articles.insertArticle({
        id: newId(),
        siteId: 'demo',
        sectionId: section!.id,
        kind: 'article',
        slug: 'breaking-story',
        headline: 'A <b>breaking</b> story & more',
        shortTitle: null,
        standfirst: 'It just happened.',
        body: [{ type: 'paragraph', text: '<script>alert(1)</script>' }],
        dateline: null,
        status: 'published',
        publishedAt: TEST_NOW.toISOString(),
        updatedAt: null,
        modifiedAt: TEST_NOW.toISOString(),
        authorIds: [],
        tags: [],
        commentsOpen: true,
        liveStatus: null,
        liveTopic: null,
        inBanner: false,
      });
      // still the cached page: nobody announced the change
      assert.equal((await app.inject({ url: '/' })).body, before);
      bus.publish({ type: 'content.changed', siteId: 'demo' });
      const after = (await app.inject({ url: '/' })).body;
      assert.match(after, /A &lt;b&gt;breaking&lt;\/b&gt; story &amp; more/);
      const page = (await app.inject({ url: '/world/breaking-story' })).body;
      assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(page, /<script>alert/);
    } finally {
      await app.close();
    }
  });

  it('drops the LIVE banner when coverage ends', async () => {
    const app = await buildTestApp();
    try {
      const blog = await app.services.articlesRepository.getPublishedBySlug(
        'demo',
        'continental-cup-live-group-stage-final-day',
      );
      await app.services.articlesRepository.setLiveStatus(blog!.id, 'ended', TEST_NOW.toISOString());
      app.services.bus.publish({ type: 'content.changed', siteId: 'demo' });
      const html = (await app.inject({ url: '/world/island-nations-agree-to-reopen-fisheries-talks' })).body;
      assert.doesNotMatch(html, /class="live-banner"/);
      const live = (await app.inject({ url: '/sport/continental-cup-live-group-stage-final-day' })).body;
      assert.equal(jsonLd(live)[0]?.coverageEndTime, '2026-06-15T06:21:00.000Z');
    } finally {
      await app.close();
    }
  });
});
