import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appOnEngine, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { markSpam, policyVersions, readPolicy, replayPolicy, savePolicy } from './guidelines.usecases.ts';

// The moderation repository's queries (policy versions, author history, spam
// fingerprints, past comments for replay) behave the same on both engines.
for (const engine of await enginesUnderTest()) {
  describe(`moderation on ${engine.name}`, { skip: engine.skip }, () => {
    const on = appOnEngine(engine);

    it('keeps policy versions, refuses a second save of the same version, and replays past decisions', async () => {
      const { app } = on;
      const s = app.services;
      assert.equal((await readPolicy(s, 'demo')).version, 0);
      await savePolicy(s, { siteId: 'demo', baseVersion: 0, changes: { spam: { maxLinks: 1 } }, by: 'someone' });
      await assert.rejects(
        savePolicy(s, { siteId: 'demo', baseVersion: 0, changes: { spam: { maxLinks: 5 } }, by: 'someone else' }),
        /newer version/,
      );
      assert.equal((await readPolicy(s, 'demo')).policy.spam.maxLinks, 1);
      assert.deepEqual(
        (await policyVersions(s, 'demo')).map((v) => [v.version, v.createdBy]),
        [[1, 'someone']],
      );

      const storyId = await demoArticleStoryId(app);
      const reader = await signedInReader(app, 'c@example.org', 'Contract');
      const text = 'Buy the best fishing nets online today, with free delivery to every island.';
      assert.equal(
        (await reader.api('POST', `/api/stories/${storyId}/comments`, { body: text }, reader.h)).json().comment.status,
        'published',
      );
      const other = await app.services.storiesRepository.ensure({
        id: 'story-2',
        siteId: 'demo',
        key: 'url:https://news.test/b',
        articleId: null,
        url: 'https://news.test/b',
        title: 'B',
        openedAt: '2026-06-15T00:00:00.000Z',
        createdAt: '2026-06-15T00:00:00.000Z',
      });
      const again = await reader.api('POST', `/api/stories/${other.id}/comments`, { body: text }, reader.h);
      assert.equal(again.json().comment.status, 'pending');

      await markSpam(s, {
        siteId: 'demo',
        text: 'Totally different words that moderators refused as spam earlier today.',
      });
      const third = await reader.api(
        'POST',
        `/api/stories/${other.id}/comments`,
        { body: 'Totally different words that moderators refused as spam earlier today!' },
        reader.h,
      );
      assert.equal(third.json().comment.status, 'pending');

      const replay = await replayPolicy(s, { siteId: 'demo', changes: { words: { banned: ['nets'] } } });
      assert.equal(replay.compared, 3);
      assert.deepEqual(replay.counts.before, { publish: 1, hold: 2, refuse: 0 });
      assert.deepEqual(replay.counts.after, { publish: 0, hold: 1, refuse: 2 });
    });
  });
}
