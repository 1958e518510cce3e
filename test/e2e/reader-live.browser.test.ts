import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser } from '../../src/http/testing.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

// A reader's first day with the widget (issue #17): their own new reply is
// theirs at once, what arrives live replaces "no comments yet", reaction counts
// and the bell follow live, sending shows, and a banned reader is told so.

const skip = browserSkipReason();
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

describe('a reader on the live widget, in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await buildTestApp({
      now: () => new Date(),
      env: { PARLEY_COMMENTS_PER_MINUTE: '1000' },
      policy: { spam: { floodPerTenMinutes: 1000 } },
    });
    ({ base, browser } = await serveAndLaunch(app));
    await createTestUser(app, { email: 'nila@example.org', name: 'Nila Menon' });
    await createTestUser(app, { email: 'arjun@example.org', name: 'Arjun Das' });
    const banned = await createTestUser(app, { email: 'banned@example.org', name: 'Banned Reader' });
    await app.services.usersRepository.update(banned, { status: 'banned', sanctionReason: 'repeated abuse' });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}${ARTICLE}`);
    await page.locator('.p-root').waitFor();
    return page;
  }

  it('shows sending, own replies with Edit and Delete, and reactions and the bell live', async () => {
    const nila = await signedInContext(browser, base, 'nila@example.org');
    const arjun = await signedInContext(browser, base, 'arjun@example.org');
    const nPage = await open(nila);
    const aPage = await open(arjun);

    // the first post: the button says it is sending until the answer
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await nPage.route('**/api/stories/*/comments', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await nPage.getByLabel(/Your comment, as Nila Menon/).fill('The patrol budget is the part nobody has costed yet.');
    await nPage.getByRole('button', { name: 'Post comment' }).click();
    const sending = nPage.getByRole('button', { name: 'Posting…' });
    await sending.waitFor();
    assert.equal(await sending.isDisabled(), true);
    assert.equal(await nPage.locator('form.p-composer[aria-busy="true"]').count(), 1);
    release();
    const mine = nPage.locator('.p-comment', { hasText: 'nobody has costed yet' });
    await mine.waitFor();
    await nPage.unroute('**/api/stories/*/comments');

    // Arjun's reply is his at once: Edit and Delete, not Report
    await aPage.getByRole('button', { name: '1 new comment' }).click();
    const target = aPage.locator('.p-comment', { hasText: 'nobody has costed yet' });
    await target.getByRole('button', { name: 'Reply' }).click();
    await aPage.getByLabel('Your reply').fill('It was costed once, in the 2019 review, and badly.');
    await aPage.getByRole('button', { name: 'Reply', exact: true }).last().click();
    const reply = aPage.locator('.p-replies .p-comment', { hasText: 'in the 2019 review' });
    await reply.waitFor();
    await reply.getByRole('button', { name: 'Edit' }).waitFor();
    assert.equal(await reply.getByRole('button', { name: 'Delete' }).count(), 1);
    assert.equal(await reply.getByRole('button', { name: 'Report' }).count(), 0);

    // Nila's bell rings without a reload
    await nPage.getByRole('button', { name: /Notifications \(1 new\)/ }).waitFor({ timeout: 5000 });

    // Nila reacts to the reply: Arjun sees the count live
    const theirReply = nPage.locator('.p-replies .p-comment', { hasText: 'in the 2019 review' });
    await theirReply.waitFor();
    await theirReply.getByRole('button', { name: /^Respect/ }).click();
    await reply.getByRole('button', { name: /^Respect · 1/ }).waitFor({ timeout: 5000 });
    await nila.close();
    await arjun.close();
  });

  it('tells a banned reader why, in place of the comment box', async () => {
    const context = await signedInContext(browser, base, 'banned@example.org');
    const page = await open(context);
    const notice = page.locator('.p-blocked');
    await notice.waitFor();
    assert.match(await notice.innerText(), /banned from commenting.*repeated abuse/);
    assert.equal(await page.locator('.p-composer textarea').count(), 0);
    await context.close();
  });
});
