import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser, DEMO_ARTICLE_PATH } from '../../src/http/testing.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

const skip = browserSkipReason();

/** The policy violations a page reports while it loads and settles. */
async function violationsOn(page: Page, url: string): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return seen;
}

// The strict policy (script-src 'self', no inline script) must not break a
// page: the site, the comment widget and the newsroom run with no violation.
describe('the Content-Security-Policy in Chromium', { skip }, () => {
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

  it('the public pages and the comments run without a violation', async () => {
    for (const path of ['/', DEMO_ARTICLE_PATH, '/world/', '/account/login', '/account/register']) {
      const page = await browser.newPage();
      assert.deepEqual(await violationsOn(page, `${base}${path}`), [], path);
      await page.close();
    }
  });

  it('the newsroom and the moderation screens run without a violation', async () => {
    await createTestUser(app, { email: 'csp-admin@example.org', name: 'Csp Admin', role: 'admin' });
    const context = await signedInContext(browser, base, 'csp-admin@example.org');
    for (const path of ['/admin/articles', '/admin/moderate', '/admin/moderate/dashboard', '/account']) {
      const page = await context.newPage();
      assert.deepEqual(await violationsOn(page, `${base}${path}`), [], path);
      await page.close();
    }
    await context.close();
  });
});
