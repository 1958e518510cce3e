import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { postComment } from '../../src/comments/posting.usecases.ts';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

const skip = browserSkipReason();

describe("the moderators' workspace in Chromium", { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;
  let storyId: string;

  const signedIn = (email: string) => signedInContext(browser, base, email);

  before(async () => {
    app = await buildTestApp({
      now: () => new Date(),
      env: { PARLEY_COMMENTS_PER_MINUTE: '1000' },
      policy: { spam: { floodPerTenMinutes: 1000 } },
    });
    ({ base, browser } = await serveAndLaunch(app));
    await createTestUser(app, { email: 'mod@example.org', name: 'Mona Mod', role: 'moderator' });
    const readerId = await createTestUser(app, { email: 'reader@example.org', name: 'Rita Reader' });
    storyId = await demoArticleStoryId(app);
    const site = (await app.services.sitesRepository.get('demo'))!;
    const reader = (await app.services.usersRepository.get(readerId))!;
    // Ten comments held for review: not English, sent anyway.
    for (let i = 0; i < 10; i++) {
      await postComment(app.services, {
        site,
        user: reader,
        storyId,
        body: `comment number ${i}: yeh faisla bilkul galat hai, sarkar ko sochna chahiye tha`,
        sendAnyway: true,
      });
    }
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('decides ten held comments with the keyboard alone, with undo, and has no serious accessibility violations', async () => {
    const context = await signedIn('mod@example.org');
    const page = await context.newPage();
    await page.goto(`${base}/admin/moderate?queue=pending`);
    await page.locator('.mod-item.current').waitFor();
    assert.equal(await page.locator('.mod-item').count(), 10);
    assert.deepEqual(await seriousViolations(page), []);

    // The help lists the keys.
    await page.keyboard.press('?');
    await page.getByRole('heading', { name: 'Keyboard' }).waitFor();
    await page.keyboard.press('Escape');

    // a, r alternately: five approved, five refused (reason suggested by the English check).
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'a' : 'r');
      await page.waitForFunction((n) => document.querySelectorAll('.mod-item.decided').length === n, i + 1);
    }
    const statuses = async () =>
      (await app.services.storage.db.selectFrom('comments').select('status').where('story_id', '=', storyId).execute())
        .map((r) => r.status)
        .sort();
    assert.deepEqual(await statuses(), [...Array(5).fill('published'), ...Array(5).fill('rejected')]);
    const refused = await app.services.storage.db
      .selectFrom('comments')
      .select(['status_reason', 'refusal_code'])
      .where('status', '=', 'rejected')
      .executeTakeFirstOrThrow();
    assert.equal(refused.refusal_code, 'english');

    // u undoes the last decision (a refusal): the comment is pending again and back in the list.
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.querySelectorAll('.mod-item.decided').length === 9);
    assert.deepEqual(await statuses(), ['pending', ...Array(5).fill('published'), ...Array(4).fill('rejected')].sort());
    await page.keyboard.press('a');
    await page.waitForFunction(() => document.querySelectorAll('.mod-item.decided').length === 10);
    assert.match(await page.locator('#mod-live').innerText(), /Approved/);
    await context.close();
  });

  it('shows a newly held comment live, and the author drawer and dashboard pass the accessibility check', async () => {
    const context = await signedIn('mod@example.org');
    const page = await context.newPage();
    await page.goto(`${base}/admin/moderate?queue=pending`);
    await page.waitForLoadState('networkidle').catch(() => {});
    const site = (await app.services.sitesRepository.get('demo'))!;
    const reader = (await app.services.usersRepository.getByEmail('demo', 'reader@example.org'))!;
    const { comment } = await postComment(app.services, {
      site,
      user: reader,
      storyId,
      body: 'ek aur comment jo hindi mein likha gaya hai',
      sendAnyway: true,
    });
    await page.locator(`#item-${comment.id}`).waitFor({ timeout: 5000 });
    await page.goto(`${base}/admin/moderate/authors/${reader.id}`);
    assert.deepEqual(await seriousViolations(page), []);
    await page.goto(`${base}/admin/moderate/dashboard`);
    assert.equal(await page.locator('svg[role="img"]').count(), 6);
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });
});
