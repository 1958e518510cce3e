import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createArticlesRepository } from '../articles/articles.repository.ts';
import { loadConfig } from '../config/config.ts';
import { createMemoryImageStore } from '../images/image-store.ts';
import { createImagesRepository } from '../images/images.repository.ts';
import { createImagesUsecases } from '../images/images.usecases.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import { demoArticles, demoLiveblog, demoLiveEntries, demoSections, demoSite } from './content.ts';
import { ensureDemo } from './ensure.ts';

// The demo newspaper a first start creates: a paper someone could believe,
// created once, its address following the configuration.

const now = new Date('2026-06-15T06:30:00.000Z');

describe('the demo newspaper', () => {
  let storage: Storage;
  const config = (env: Record<string, string> = {}) => loadConfig({ LOG_LEVEL: 'silent', ...env });
  const store = createMemoryImageStore();
  before(async () => {
    storage = await openStorage({ dataDir: ':memory:' });
    await migrateToLatest(storage);
  });
  after(async () => storage?.close());

  it('is created on an empty database', async () => {
    const images = createImagesUsecases({ imagesRepository: createImagesRepository(storage), store, now: () => now });
    assert.equal(
      await ensureDemo(storage, config({ PARLEY_PUBLIC_URL: 'https://paper.test/' }), () => now, images),
      true,
    );
    const site = await createSitesRepository(storage).get(demoSite.id);
    assert.equal(site?.name, demoSite.name);
    assert.equal(site?.baseUrl, 'https://paper.test');
  });

  it('has sections, each with articles by named authors', async () => {
    const articles = createArticlesRepository(storage);
    const sections = await articles.listSections(demoSite.id);
    assert.deepEqual(
      sections.map((s) => s.slug),
      demoSections.map((s) => s.slug),
    );
    const published = await articles.listPublished({ siteId: demoSite.id, limit: 500 });
    assert.equal(published.length, demoArticles.length + 1, 'every article and the live blog');
    for (const s of sections)
      assert.ok(
        published.some((a) => a.section.id === s.id),
        `${s.name} has something to read`,
      );
    const bylines = await articles.authorNames(published.map((a) => a.id));
    for (const a of published) {
      assert.ok(bylines.get(a.id)?.length, `${a.slug} has a byline`);
      assert.ok(a.headline && a.standfirst, `${a.slug} has a headline and a standfirst`);
      assert.ok(a.publishedAt <= now.toISOString(), `${a.slug} is not from the future`);
    }
    const one = await articles.getPublishedBySlug(demoSite.id, demoArticles[0]!.slug);
    assert.ok((one?.body.length ?? 0) >= 2, 'an article has a body of several blocks');
    assert.ok(one?.commentsOpen, 'readers can comment');
  });

  it('has pictures Parley drew itself, through the image pipeline, on every story, quickly', async () => {
    const published = await createArticlesRepository(storage).listPublished({ siteId: demoSite.id, limit: 500 });
    const ids = new Set<string>();
    for (const a of published) {
      const lead = a.leadImage;
      assert.ok(lead, `${a.slug} has a lead image`);
      assert.equal(lead.credit, 'Illustration: Parley demo');
      assert.match(lead.alt, /^An illustration: .+ letter [A-Z]\.$/);
      assert.ok(lead.caption, `${a.slug}'s picture has a caption`);
      assert.deepEqual(lead.image.widths, [320, 640, 1024]);
      assert.deepEqual([lead.image.width, lead.image.height], [1024, 576]);
      const file = await store.get(`${demoSite.id}/${lead.image.id}/640.webp`);
      assert.equal((await sharp(file!).metadata()).width, 640);
      ids.add(lead.image.id);
    }
    assert.equal(ids.size, published.length, 'a picture of its own for each story');
  });

  it('has a live blog in the banner, with its entries', async () => {
    const live = createLiveblogsRepository(storage);
    const [item] = await live.bannerItems(demoSite.id);
    assert.equal(item?.slug, demoLiveblog.slug);
    assert.equal(item?.topic, demoLiveblog.topic);
    const entries = await live.listEntries(item!.articleId, 500);
    assert.equal(entries.length, demoLiveEntries.length);
    assert.equal(item?.latestHeadline, entries[0]?.headline);
  });

  it("puts the live blog first in the editors' picks, then the picked articles in order", async () => {
    const picks = await createArticlesRepository(storage).listTopPicks(demoSite.id);
    const picked = demoArticles.filter((a) => a.pick).sort((x, y) => x.pick! - y.pick!);
    assert.deepEqual(
      picks.map((a) => a.slug),
      [demoLiveblog.slug, ...picked.map((a) => a.slug)],
    );
  });

  it('is created once: a second start changes nothing but a new public address', async () => {
    const articles = createArticlesRepository(storage);
    const count = async () => (await articles.listPublished({ siteId: demoSite.id, limit: 500 })).length;
    const before = await count();
    assert.equal(await ensureDemo(storage, config({ PARLEY_PUBLIC_URL: 'https://paper.test' }), () => now), false);
    assert.equal(await count(), before);
    assert.equal(await ensureDemo(storage, config({ PORT: '9090' }), () => now), false);
    assert.equal((await createSitesRepository(storage).get(demoSite.id))?.baseUrl, 'http://localhost:9090');
    assert.equal(await count(), before);
  });
});
