import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { App } from '../http/app.ts';
import { buildTestApp, signedInReader } from '../http/testing.ts';

// An article's lead image, from the editor to every place a reader (or a link
// preview, or a search engine) meets it.

type Reader = Awaited<ReturnType<typeof signedInReader>>;

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();

const jsonLd = (page: string) =>
  [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));

describe("an article's lead image", () => {
  let app: App;
  let ed: Reader;
  let world: string;
  let author: { id: string; slug: string };
  let imageId: string;
  before(async () => {
    app = await buildTestApp();
    ed = await signedInReader(app, 'ed@example.org', 'Edna Editor', 'editor');
    world = (await app.services.articlesRepository.getSectionBySlug('demo', 'world'))!.id;
    author = (await app.services.articlesRepository.listAuthors('demo'))[0]!;
    imageId = (await app.services.images.upload('demo', await photo(1200, 675))).id;
  });
  after(async () => app?.close());

  const article = (headline: string, extra: Record<string, unknown>) => ({
    headline,
    standfirst: `About ${headline.toLowerCase()}.`,
    bodyText: 'A paragraph.',
    sectionId: world,
    tags: 'Harbours',
    authorIds: [author.id],
    ...extra,
  });

  it('needs alternative text, and an image of the site', async () => {
    const noAlt = await ed.api(
      'POST',
      '/api/admin/articles',
      article('Pilots without words', { leadImageId: imageId, leadImageAlt: '  ' }),
      ed.h,
    );
    assert.equal(noAlt.status, 400);
    assert.equal(noAlt.json().error.code, 'LEAD_IMAGE_ALT_REQUIRED');
    assert.match(noAlt.json().error.message, /Describe the lead image/);
    const unknown = await ed.api(
      'POST',
      '/api/admin/articles',
      article('Pilots without a picture', { leadImageId: 'nosuchimage', leadImageAlt: 'A harbour' }),
      ed.h,
    );
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json().error.code, 'LEAD_IMAGE_NOT_FOUND');
  });

  it('is shown on the article, in every list and in Top News, and to link previews and search engines', async () => {
    const created = await ed.api(
      'POST',
      '/api/admin/articles',
      article('Harbour pilots return to work', {
        leadImageId: imageId,
        leadImageAlt: 'Pilot boats moored at dawn',
        leadImageCaption: 'The pilot boats at the east quay',
        leadImageCredit: 'Photo: Edna Editor',
      }),
      ed.h,
    );
    assert.equal(created.status, 201);
    const a = created.json().article;
    assert.deepEqual(a.leadImage, {
      imageId,
      alt: 'Pilot boats moored at dawn',
      caption: 'The pilot boats at the east quay',
      credit: 'Photo: Edna Editor',
    });
    assert.equal(
      (await ed.api('POST', `/api/admin/articles/${a.id}/publish`, { version: a.version }, ed.h)).status,
      200,
    );

    const page = (await app.inject({ url: `/world/${a.slug}` })).body;
    const figure = /<figure class="lead-image">.*?<\/figure>/s.exec(page)?.[0] ?? '';
    assert.match(figure, new RegExp(`srcset="/media/demo/${imageId}/320.webp 320w, [^"]*/1200.webp 1200w"`));
    assert.match(figure, /sizes="[^"]+"/);
    assert.match(figure, /alt="Pilot boats moored at dawn" width="1200" height="675" fetchpriority="high"/);
    assert.match(
      figure,
      /<figcaption>The pilot boats at the east quay <span class="credit">Photo: Edna Editor<\/span>/,
    );
    assert.match(
      page,
      new RegExp(`<meta property="og:image" content="https://news.test/media/demo/${imageId}/fallback.jpg">`),
    );
    assert.match(page, /<meta property="og:image:alt" content="Pilot boats moored at dawn">/);
    assert.match(page, /<meta name="twitter:card" content="summary_large_image">/);
    const ld = jsonLd(page).find((d) => d['@type'] === 'NewsArticle');
    assert.equal(ld.image[0].url, `https://news.test/media/demo/${imageId}/1200.webp`);
    assert.equal(ld.image.at(-1), `https://news.test/media/demo/${imageId}/fallback.jpg`);
    assert.equal(ld.publisher.logo.url, 'https://news.test/publisher-logo.png');

    const logo = await app.inject({ url: '/publisher-logo.png' });
    assert.equal(logo.headers['content-type'], 'image/png');
    assert.deepEqual(
      await sharp(logo.rawPayload)
        .metadata()
        .then((m) => [m.width, m.height]),
      [600, 60],
    );

    // a thumbnail wherever the story is listed, lazy below the fold
    const thumb = new RegExp(`<img src="/media/demo/${imageId}/fallback.jpg" alt="Pilot boats moored at dawn"`);
    for (const path of ['/', '/world/', '/tags/harbours', `/authors/${author.slug}`, '/search?q=harbour%20pilots']) {
      const listed = (await app.inject({ url: path })).body;
      assert.match(listed, thumb, path);
    }
    assert.match((await app.inject({ url: '/world/' })).body, /thumb-list"><source[^>]*><img[^>]*loading="lazy"/);
    // Top News (the newest of the day, on every page's side) and its API
    const top = /<section class="top-news".*?<\/section>/s.exec((await app.inject({ url: '/world/' })).body)?.[0];
    assert.match(top ?? '', thumb);
    const api = (await app.inject({ url: '/api/top-news' })).json();
    const item = api.topNews.find((x: { id: string }) => x.id === a.id);
    assert.equal(item.image.alt, 'Pilot boats moored at dawn');
    assert.match(item.image.srcset, /640\.webp 640w/);
  });

  it('is set by an upload in the editor, and removed by an empty id', async () => {
    const a = (await ed.api('POST', '/api/admin/articles', article('Quay lights replaced', {}), ed.h)).json().article;
    assert.equal(a.leadImage, null);
    const site = (await app.services.sitesRepository.get('demo'))!;
    const editor = await app.services.newsroom.get(site, a.id);
    const user = (await app.services.usersRepository.getByEmail('demo', 'ed@example.org'))!;
    const withImage = await app.services.newsroom.addImage(site, user, a.id, editor.version, await photo(800, 450), {
      alt: 'New lamps on the quay',
      credit: 'Photo: Port authority',
      lead: true,
    });
    assert.equal(withImage.leadImage?.alt, 'New lamps on the quay');
    assert.deepEqual(withImage.body, a.body, 'the body is unchanged');
    const page = (await ed.get(`/admin/articles/${a.id}`)).body;
    assert.match(page, new RegExp(`name="leadImageId" maxlength="40" value="${withImage.leadImage?.imageId}"`));
    assert.match(page, /name="placement" value="lead"/);
    const removed = await ed.api(
      'PUT',
      `/api/admin/articles/${a.id}`,
      { ...article('Quay lights replaced', { leadImageId: '' }), version: withImage.version },
      ed.h,
    );
    assert.equal(removed.json().article.leadImage, null);
  });
});
