import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticlesRepository, type NewArticle } from '../articles/articles.repository.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { newId } from '../shared/ids.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from './database.ts';
import { enginesUnderTest } from './testing.ts';

// The same contract on both engines: what one engine returns, the other must too.
for (const engine of await enginesUnderTest()) {
  describe(`repository contract on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    const siteId = 'contract';
    const otherSiteId = 'other';
    const sectionId = newId();
    const authorId = newId();

    function article(overrides: Partial<NewArticle>): NewArticle {
      return {
        id: newId(),
        siteId,
        sectionId,
        kind: 'article',
        slug: `story-${newId()}`,
        headline: 'A headline',
        shortTitle: null,
        standfirst: 'A standfirst',
        body: [{ type: 'paragraph', text: 'Body text.' }],
        dateline: 'Seoul',
        status: 'published',
        publishedAt: '2024-01-01T10:00:00.000Z',
        updatedAt: null,
        modifiedAt: '2024-01-01T10:00:00.000Z',
        authorIds: [authorId],
        tags: [],
        commentsOpen: true,
        liveStatus: null,
        liveTopic: null,
        inBanner: false,
        ...overrides,
      };
    }

    before(async () => {
      storage = await engine.open();
      const sites = createSitesRepository(storage);
      for (const id of [siteId, otherSiteId]) {
        await sites.insert({
          id,
          name: `Site ${id}`,
          baseUrl: `https://${id}.example`,
          timeZone: 'Asia/Kolkata',
          timeZoneLabel: null,
          language: 'en',
          tagline: '',
          guidelines: 'Be civil.',
          createdAt: '2024-01-01T00:00:00.000Z',
        });
      }
      const articles = createArticlesRepository(storage);
      await articles.insertSection({
        id: sectionId,
        siteId,
        slug: 'world',
        name: 'World',
        description: '',
        position: 1,
      });
      await articles.insertAuthor({
        id: authorId,
        siteId,
        slug: 'a-writer',
        name: 'A Writer',
        title: 'Correspondent',
        bio: '',
      });
    });

    after(async () => {
      await storage.close();
    });

    it('answers a ping', async () => {
      await storage.ping();
    });

    it('stores and returns a site with times as ISO strings', async () => {
      const site = await createSitesRepository(storage).get(siteId);
      assert.equal(site?.timeZone, 'Asia/Kolkata');
      assert.equal(site?.createdAt, '2024-01-01T00:00:00.000Z');
      assert.equal(await createSitesRepository(storage).get('missing'), undefined);
    });

    it('round-trips an article with authors, tags and body', async () => {
      const repo = createArticlesRepository(storage);
      const a = article({
        slug: 'round-trip',
        updatedAt: '2024-02-01T00:00:00.000Z',
        tags: [
          { slug: 'diplomacy', name: 'Diplomacy' },
          { slug: 'asia', name: 'Asia' },
        ],
        body: [
          { type: 'paragraph', text: 'One.' },
          { type: 'quote', text: 'Two.', cite: 'Someone' },
        ],
      });
      await repo.insertArticle(a);
      const got = await repo.getPublishedBySlug(siteId, 'round-trip');
      assert.ok(got);
      assert.equal(got.headline, 'A headline');
      assert.equal(got.publishedAt, '2024-01-01T10:00:00.000Z');
      assert.equal(got.updatedAt, '2024-02-01T00:00:00.000Z');
      assert.equal(got.section.slug, 'world');
      assert.deepEqual(
        got.authors.map((x) => x.name),
        ['A Writer'],
      );
      assert.deepEqual(
        got.tags.map((t) => t.slug),
        ['asia', 'diplomacy'],
      );
      assert.deepEqual(got.body, a.body);
      assert.equal(got.commentsOpen, true);
    });

    it('hides drafts and other sites', async () => {
      const repo = createArticlesRepository(storage);
      await repo.insertArticle(article({ slug: 'a-draft', status: 'draft', publishedAt: null }));
      assert.equal(await repo.getPublishedBySlug(siteId, 'a-draft'), undefined);
      assert.equal(await repo.getPublishedBySlug(otherSiteId, 'round-trip'), undefined);
    });

    it('refuses a second article with the same slug on a site', async () => {
      const repo = createArticlesRepository(storage);
      await assert.rejects(repo.insertArticle(article({ slug: 'round-trip' })));
      // and the failed transaction left no orphan rows behind
      const list = await repo.listPublished({ siteId, limit: 100 });
      assert.equal(list.filter((x) => x.slug === 'round-trip').length, 1);
    });

    it('lists newest first with keyset pagination and filters', async () => {
      const repo = createArticlesRepository(storage);
      for (let i = 0; i < 5; i++) {
        await repo.insertArticle(
          article({
            slug: `list-${i}`,
            publishedAt: `2024-03-0${i + 1}T00:00:00.000Z`,
            tags: i % 2 ? [{ slug: 'odd', name: 'Odd' }] : [],
          }),
        );
      }
      const page1 = await repo.listPublished({ siteId, limit: 2 });
      assert.deepEqual(
        page1.map((a) => a.slug),
        ['list-4', 'list-3'],
      );
      const page2 = await repo.listPublished({ siteId, limit: 2, before: page1[1]?.publishedAt });
      assert.deepEqual(
        page2.map((a) => a.slug),
        ['list-2', 'list-1'],
      );
      const odd = await repo.listPublished({ siteId, limit: 10, tagSlug: 'odd' });
      assert.deepEqual(
        odd.map((a) => a.slug),
        ['list-3', 'list-1'],
      );
      const byAuthor = await repo.listPublished({ siteId, authorId, limit: 100 });
      assert.ok(byAuthor.length >= 6);
      const since = await repo.listPublished({ siteId, limit: 10, publishedSince: '2024-03-04T00:00:00.000Z' });
      assert.deepEqual(
        since.map((a) => a.slug),
        ['list-4', 'list-3'],
      );
      const names = await repo.authorNames(page1.map((a) => a.id));
      assert.deepEqual(names.get(page1[0]!.id), ['A Writer']);
    });

    it('serves live entries newest first and the banner with the latest entry', async () => {
      const articles = createArticlesRepository(storage);
      const live = createLiveblogsRepository(storage);
      const blog = article({
        kind: 'liveblog',
        slug: 'live-cup',
        liveStatus: 'live',
        liveTopic: 'The Cup',
        inBanner: true,
        shortTitle: 'Cup day',
      });
      await articles.insertArticle(blog);
      await articles.insertArticle(
        article({ kind: 'liveblog', slug: 'ended-cup', liveStatus: 'ended', inBanner: true }),
      );
      for (let i = 1; i <= 3; i++) {
        await live.insertEntry({
          id: newId(),
          siteId,
          articleId: blog.id,
          headline: `Entry ${i}`,
          body: [],
          keyEvent: i === 2,
          postedAt: `2024-05-01T10:0${i}:00.000Z`,
        });
      }
      const entries = await live.listEntries(blog.id, 10);
      assert.deepEqual(
        entries.map((e) => e.headline),
        ['Entry 3', 'Entry 2', 'Entry 1'],
      );
      assert.deepEqual(
        entries.map((e) => e.keyEvent),
        [false, true, false],
      );
      const banner = await live.bannerItems(siteId);
      assert.equal(banner.length, 1);
      assert.equal(banner[0]?.topic, 'The Cup');
      assert.equal(banner[0]?.title, 'Cup day');
      assert.equal(banner[0]?.latestHeadline, 'Entry 3');
      assert.equal(banner[0]?.latestAt, '2024-05-01T10:03:00.000Z');
      assert.deepEqual(await live.bannerItems(otherSiteId), []);
      await articles.setLiveStatus(blog.id, 'ended', '2024-05-01T12:00:00.000Z');
      assert.deepEqual(await live.bannerItems(siteId), []);
    });

    it('lists the sitemap by last change', async () => {
      const list = await createArticlesRepository(storage).listForSitemap(siteId, 1000);
      assert.ok(list.length >= 8);
      assert.ok(list.every((x) => x.sectionSlug === 'world'));
      assert.ok(!list.some((x) => x.slug === 'a-draft'));
    });
  });
}
