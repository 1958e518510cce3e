import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, lastMail, pathOf } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch } from './browser.ts';

const skip = browserSkipReason();

describe('a reader registers in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await buildTestApp({ now: () => new Date() });
    ({ base, browser } = await serveAndLaunch(app));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('registers from an article, confirms through the e-mailed link, logs in and sees the profile', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/world/island-nations-agree-to-reopen-fisheries-talks`);
    await page.locator('.comments').getByRole('link', { name: 'register' }).click();
    await page.waitForURL(`${base}/account/register`);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Display name').fill('Nandini R');
    await page.getByLabel('E-mail address').fill('nandini@example.org');
    await page.getByLabel('Password').fill('the tea is getting cold');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

    // the mail, as the reader would find it (the dev outbox)
    const mail = await lastMail(app, 'nandini@example.org');
    await page.goto(`${base}${pathOf(mail.link)}`);
    await page.getByRole('heading', { name: 'E-mail address confirmed' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Log in' }).click();

    await page.getByLabel('E-mail address').fill('nandini@example.org');
    await page.getByLabel('Password').fill('the tea is getting cold');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/account`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your account');
    assert.match(await page.locator('main').innerText(), /nandini@example.org \(confirmed\)/);
    assert.deepEqual(await seriousViolations(page), []);
    // the header knows who is reading now, on every page
    await page.goto(`${base}/`);
    assert.ok(
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Nandini R' }).isVisible(),
    );
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${base}/`);
    assert.ok(
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Log in' }).isVisible(),
    );
    await page.close();
  });
});
