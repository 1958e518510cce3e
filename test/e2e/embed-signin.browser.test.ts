import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser } from '../../src/http/testing.ts';
import { browserSkipReason, serveAndLaunch } from './browser.ts';

// A reader signs in inside the widget on another site's page (another origin,
// another site: localhost against Parley's 127.0.0.1), then reloads that page:
// they are still signed in.

const skip = browserSkipReason();

describe('signing in inside an embed on another site', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;
  let host: Server;
  let hostOrigin: string;

  before(async () => {
    app = await buildTestApp({ now: () => new Date() });
    ({ base, browser } = await serveAndLaunch(app));
    // Parley's public address is where the browser finds it (the login popup answers to that origin alone)
    await app.services.sitesRepository.updateBaseUrl('demo', base);
    await createTestUser(app, { email: 'lena@example.org', name: 'Lena Ortiz' });
    const page = readFileSync(new URL('../../examples/embed.html', import.meta.url), 'utf8').replaceAll(
      'PARLEY_PUBLIC_URL/',
      `${base}/`,
    );
    host = createServer((_req, res) => res.setHeader('content-type', 'text/html; charset=utf-8').end(page));
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    const settings = await app.services.storiesRepository.getSettings('demo');
    await app.services.storiesRepository.saveSettings({ ...settings, allowedOrigins: [hostOrigin] });
  });

  after(async () => {
    host?.close();
    await browser?.close();
    await app?.close();
  });

  async function signInThroughThePopup(page: Page) {
    const frame = page.frameLocator('iframe[title="Comments"]');
    const popupOpened = page.waitForEvent('popup');
    await frame
      .getByRole('button', { name: /Log in/ })
      .first()
      .click();
    const popup = await popupOpened;
    await popup.getByLabel('E-mail address').fill('lena@example.org');
    await popup.getByLabel('Password').fill('correct horse battery');
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Log in' }).click();
    await closed;
    await frame.getByText('Signed in as').waitFor({ timeout: 10_000 });
  }

  it('keeps the reader signed in when the host page reloads, and in a new tab of the same site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/`);
    await page
      .frameLocator('iframe[title="Comments"]')
      .getByRole('button', { name: /Log in/ })
      .first()
      .waitFor();
    await signInThroughThePopup(page);

    await page.reload();
    const frame = page.frameLocator('iframe[title="Comments"]');
    await frame.getByText('Signed in as').waitFor({ timeout: 10_000 });
    await frame.getByLabel(/Your comment, as Lena Ortiz/).fill('Still here after a reload of the host page.');
    await frame.getByRole('button', { name: 'Post comment' }).click();
    await frame.locator('.p-comment', { hasText: 'Still here after a reload' }).waitFor();

    // another tab on the same host site: the partitioned sign-in is the site's, not the tab's
    const second = await context.newPage();
    await second.goto(`${hostOrigin}/`);
    await second.frameLocator('iframe[title="Comments"]').getByText('Signed in as').waitFor({ timeout: 10_000 });
    // what keeps it: Parley's partitioned cookie, kept for the host's site alone
    const kept = (await context.cookies(base)).find((c) => c.name === 'parley_embed');
    assert.equal(kept?.sameSite, 'None');
    assert.equal(kept?.secure, true);
    assert.equal((kept as { partitionKey?: string } | undefined)?.partitionKey, 'http://localhost');
    await context.close();
  });
});
