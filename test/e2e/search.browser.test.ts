import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch } from './browser.ts';

const skip = browserSkipReason();

describe('search in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await buildTestApp();
    ({ base, browser } = await serveAndLaunch(app));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it("searches from the header on a 390 px phone: no sideways scroll, times in the paper's zone", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/`);
    const box = page.getByRole('search', { name: 'Site' }).getByRole('searchbox');
    assert.ok(await box.isVisible());
    await box.fill('fisheries');
    await box.press('Enter');
    await page.waitForURL(`${base}/search?q=fisheries`);
    const result = page.getByRole('link', {
      name: 'Island nations agree to reopen fisheries talks after two-year freeze',
    });
    assert.ok(await result.first().isVisible());
    const meta = await page.locator('main .story-list .meta').first().innerText();
    assert.match(meta, / IST\b/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });
});
