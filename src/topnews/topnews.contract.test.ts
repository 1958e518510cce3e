import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postComment } from '../comments/posting.usecases.ts';
import { appOnEngine, createTestUser, demoArticleStoryId } from '../http/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { setTopPicks } from './topnews.usecases.ts';

// Top News's tables behave the same on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`top news on ${engine.name}`, { skip: engine.skip }, () => {
    const on = appOnEngine(engine);
    const articleId = async (slug: string) =>
      (await on.app.services.articlesRepository.getPublishedBySlug('demo', slug))!.id;

    it('adds page views per article and day', async () => {
      const repo = on.app.services.topnewsRepository;
      const id = await articleId('island-nations-agree-to-reopen-fisheries-talks');
      await repo.addViews('demo', '2026-06-15', new Map([[id, 2]]));
      await repo.addViews('demo', '2026-06-15', new Map([[id, 3]]));
      await repo.addViews('demo', '2026-06-14', new Map([[id, 40]]));
      const act = await repo.activity('demo', '2026-06-15', '2026-06-14T18:30:00.000Z');
      assert.equal(act.get(id)?.views, 5, "only the day's views");
      assert.equal((await repo.activity('other', '2026-06-15', '2026-06-14T18:30:00.000Z')).size, 0);
    });

    it("counts today's published comments per article", async () => {
      const { app } = on;
      const site = (await app.services.sitesRepository.get('demo'))!;
      const user = (await app.services.usersRepository.get(
        await createTestUser(app, { email: 'talker@example.org', name: 'Tal Ker' }),
      ))!;
      const storyId = await demoArticleStoryId(app);
      const id = await articleId('island-nations-agree-to-reopen-fisheries-talks');
      await postComment(app.services, {
        site,
        user,
        storyId,
        body: 'The talks matter to every harbour on the coast, and it is good to see them back.',
      });
      const since = (at: string) => app.services.topnewsRepository.activity('demo', '2026-06-15', at);
      assert.equal((await since('2026-06-14T18:30:00.000Z')).get(id)?.comments, 1);
      assert.equal(
        (await since('2099-01-01T00:00:00.000Z')).get(id)?.comments,
        0,
        'only comments since the time given',
      );
    });

    it("keeps editors' picks in order, replaces them, and tells the pages", async () => {
      const { app } = on;
      const [x, y] = await app.services.articlesRepository.listPublished({ siteId: 'demo', limit: 2 });
      const heard: string[] = [];
      const off = app.services.bus.subscribe((e) => heard.push(e.type));
      await setTopPicks(app.services, { siteId: 'demo', articleIds: [y!.id, x!.id] });
      assert.deepEqual(
        (await app.services.articlesRepository.listTopPicks('demo')).map((a) => a.id),
        [y!.id, x!.id],
      );
      await setTopPicks(app.services, { siteId: 'demo', articleIds: [x!.id] });
      assert.deepEqual(
        (await app.services.articlesRepository.listTopPicks('demo')).map((a) => a.id),
        [x!.id],
      );
      assert.deepEqual(await app.services.articlesRepository.listTopPicks('other'), []);
      off();
      assert.ok(heard.includes('content.changed'));
    });
  });
}
