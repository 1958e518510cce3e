import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

const skip = browserSkipReason();
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

// The author sees the words: a nudged comment marks, in the editor, the words
// that broke the guidelines, and the marks go as the author takes them out.

describe('the guidelines in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await buildTestApp({
      now: () => new Date(),
      // a paper that nudges from the hold band on, so that every abusive comment is a nudge
      policy: {
        bands: { abusive: { hold: null, refuse: 0.5 }, personal: { hold: null, refuse: 0.5 } },
      },
    });
    ({ base, browser } = await serveAndLaunch(app));
    await createTestUser(app, { email: 'meena@example.org', name: 'Meena Iyer' });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('marks the flagged words in the editor, and lets the author revise just those', async () => {
    const context = await signedInContext(browser, base, 'meena@example.org');
    const page = await context.newPage();
    await page.goto(`${base}${ARTICLE}`);
    const box = page.getByLabel(/Your comment, as Meena Iyer/);
    await box.fill('Ravi, you are an idiot and everyone here knows it.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The words marked in your comment: “idiot”/);
    // the nudge ends "… send it to a moderator as it is." with no gap before the full stop
    const anyway = alert.getByRole('button', { name: 'send it to a moderator as it is' });
    const stop = await anyway.evaluate((b) => {
      const range = document.createRange();
      range.setStart(b.nextSibling!, 0);
      range.setEnd(b.nextSibling!, 1);
      return { gap: range.getBoundingClientRect().left - b.getBoundingClientRect().right, text: range.toString() };
    });
    assert.equal(stop.text, '.');
    assert.ok(stop.gap < 1, `a gap of ${stop.gap}px before the full stop`);
    const mark = page.locator('.p-composer mark');
    await mark.first().waitFor();
    assert.equal(await mark.first().textContent(), 'idiot');
    // the mark sits where the word is in the box
    const [boxArea, markArea] = await Promise.all([box.boundingBox(), mark.first().boundingBox()]);
    assert.ok(markArea && boxArea && markArea.y >= boxArea.y && markArea.y < boxArea.y + boxArea.height);
    assert.deepEqual(await seriousViolations(page), []);

    await box.fill('Ravi, you are wrong, and the catch figures show why.');
    assert.equal(await page.locator('.p-composer mark').count(), 0);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.p-comment', { hasText: 'the catch figures show why' }).waitFor();
    await context.close();
  });
});
