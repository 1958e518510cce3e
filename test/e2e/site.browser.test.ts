import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch } from './browser.ts';

const skip = browserSkipReason();

describe('the news site in Chromium', { skip }, () => {
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

  it('opens the front page, follows a link to an article and shows the seed page structure', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    assert.equal(await page.title(), 'The Meridian Herald: Independent news since 1921');
    await page
      .getByRole('link', { name: 'Island nations agree to reopen fisheries talks after two-year freeze' })
      .first()
      .click();
    await page.waitForURL(`${base}/world/island-nations-agree-to-reopen-fisheries-talks`);

    const banner = page.getByRole('region', { name: 'Live coverage' });
    assert.ok(await banner.isVisible());
    assert.equal(
      (await banner.innerText()).replace(/\s+/g, ' ').trim(),
      'Continental Cup 2026 · Continental Cup group stage LIVE | Goalless at half-time in both Group C matches',
    );
    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.innerText(), 'Island nations agree to reopen fisheries talks after two-year freeze');
    assert.equal(
      await page.locator('.time-line').innerText(),
      'April 29, 2025 07:00 am | Updated June 13, 2026 09:00 am IST - COLOMBO',
    );
    assert.ok(await page.getByRole('heading', { name: 'Top News Today' }).isVisible());
    const guidelines = page.locator('[data-guidelines]');
    assert.match(await guidelines.innerText(), /Please write your comment in English, in complete sentences/);
    assert.ok(await page.locator('.comments').getByRole('link', { name: 'register' }).isVisible());
    assert.ok(
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Log in' }).isVisible(),
    );

    // what a reader sees, top to bottom
    const y = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? -1;
    const tops = [
      await y('.live-banner'),
      await y('h1'),
      await y('.standfirst'),
      await y('.time-line'),
      await y('.article-body'),
      await y('.comments'),
    ];
    assert.deepEqual(
      [...tops].sort((a, b) => a - b),
      tops,
    );

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/article-desktop.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/article-phone.png' });
    await page.close();
  });

  it('can be used with the keyboard alone: the skip link lands on the content', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.close();
  });

  it('has no serious accessibility violations on any kind of public page', async () => {
    const page = await browser.newPage();
    for (const path of [
      '/',
      '/world/island-nations-agree-to-reopen-fisheries-talks',
      '/sport/continental-cup-live-group-stage-final-day',
      '/business/',
      '/authors/anjali-menon',
      '/community-guidelines',
      '/no-such-page',
    ]) {
      await page.goto(`${base}${path}`);
      assert.deepEqual(await seriousViolations(page), [], path);
    }
    // and the checker does see problems when there are some
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"><a href="/"></a></main></html>',
    );
    const found = (await seriousViolations(page)).map((v) => v.id).sort();
    assert.deepEqual(found, ['image-alt', 'link-name']);
    await page.close();
  });

  it('reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/sport/continental-cup-live-group-stage-final-day`);
    assert.equal(await page.locator('.live-entry').count(), 12);
    assert.ok(await page.getByRole('heading', { name: 'Key events' }).isVisible());
    await context.close();
  });
});
