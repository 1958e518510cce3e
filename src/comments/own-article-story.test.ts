import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, DEMO_ARTICLE_PATH, demoArticleStoryId, TEST_BASE_URL } from '../http/testing.ts';

// The widget asked for the site's own article address (a syndicated copy, the
// AMP page, a share link) finds the article's own thread, not a new story.

describe('/api/stories/resolve with an address of the site itself', () => {
  let app: App;
  let articleStory: string;
  before(async () => {
    app = await buildTestApp();
    articleStory = await demoArticleStoryId(app);
  });
  after(async () => app.close());

  const resolve = async (url: string, extra = '') => {
    const res = await app.inject({ url: `/api/stories/resolve?url=${encodeURIComponent(url)}${extra}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id as string;
  };

  it("returns the article's own thread for its canonical address, with or without query and fragment", async () => {
    assert.equal(await resolve(`${TEST_BASE_URL}${DEMO_ARTICLE_PATH}`), articleStory);
    assert.equal(await resolve(`${TEST_BASE_URL}${DEMO_ARTICLE_PATH}?utm_source=x#comments`), articleStory);
    assert.equal(await resolve(`${TEST_BASE_URL}${DEMO_ARTICLE_PATH}`, '&storyId=whatever'), articleStory);
  });

  it('an address of another site, or of no article here, is a story of its own', async () => {
    assert.notEqual(await resolve(`https://blog.example${DEMO_ARTICLE_PATH}`), articleStory);
    assert.notEqual(await resolve(`${TEST_BASE_URL}/world/no-such-article`), articleStory);
    assert.notEqual(
      await resolve(`${TEST_BASE_URL}/business${DEMO_ARTICLE_PATH.slice('/world'.length)}`),
      articleStory,
    );
    assert.notEqual(await resolve(`${TEST_BASE_URL}/world/%zz`), articleStory);
  });
});
