import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { User } from '../../src/accounts/users.repository.ts';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

const skip = browserSkipReason();
const LIVE = '/sport/continental-cup-live-group-stage-final-day';
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

describe('the newsroom in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;
  let editor: BrowserContext;
  // The site's clock, movable for scheduling.
  let offset = 0;

  before(async () => {
    app = await buildTestApp({ now: () => new Date(Date.now() + offset) });
    ({ base, browser } = await serveAndLaunch(app));
    await createTestUser(app, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor' });
    editor = await signedInContext(browser, base, 'ed@example.org');
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function write(page: Page, headline: string): Promise<void> {
    await page.goto(`${base}/admin/articles/new`);
    await page.getByLabel('Headline', { exact: true }).fill(headline);
    await page.getByLabel('Standfirst').fill('The harbour board met late into the night.');
    await page
      .getByLabel('Body')
      .fill('The board voted seven to two.\n\n## What happens next\n\nThe new rules start in July.');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'World' });
    await page.getByLabel('Anjali Menon').check();
    await page.getByLabel('Dateline city').fill('Colombo');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved.').waitFor();
  }

  it('writes and publishes an article that appears on the front page and in the feed; then updates it', async () => {
    const page = await editor.newPage();
    await write(page, 'Harbour board approves new night rules');
    assert.deepEqual(await seriousViolations(page), []);
    // An image through the form: resized, appended to the body with its caption and credit.
    const sharp = (await import('sharp')).default;
    const photo = join(mkdtempSync(join(tmpdir(), 'parley-img-')), 'harbour.png');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2255aa' } })
      .png()
      .toFile(photo);
    await page.getByLabel(/^Image \(JPEG/).setInputFiles(photo);
    await page
      .getByLabel('Description for readers who cannot see it', { exact: true })
      .fill('The harbour board in session');
    await page.getByLabel('Caption', { exact: true }).fill('The board at work');
    await page.getByLabel('Credit', { exact: true }).fill('Photo: Desk');
    await page.getByLabel('In the article text, at its end').check();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    assert.match(
      await page.getByLabel('Body').inputValue(),
      /!\[The harbour board in session\]\(image:\w+\) The board at work \| Photo: Desk/,
    );
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published: it is on the site now.').waitFor();
    // A reader's browser (headless Chromium's own name is counted as a robot).
    const reader = await browser.newPage({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
    });
    await reader.goto(`${base}/`);
    await reader.getByRole('link', { name: 'Harbour board approves new night rules' }).first().waitFor();
    const feed = await (await reader.request.get(`${base}/feed.xml`)).text();
    assert.match(feed, /Harbour board approves new night rules/);
    await reader.goto(`${base}/world/harbour-board-approves-new-night-rules`);
    assert.doesNotMatch(await reader.locator('.time-line').innerText(), /Updated/);
    assert.match(await reader.locator('.time-line').innerText(), /COLOMBO/);
    // The page's script counted one view (a beacon), for Top News.
    let views = 0;
    for (let i = 0; i < 50 && views === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await app.services.views.flush();
      views =
        (
          await app.services.storage.db
            .selectFrom('article_views as v')
            .innerJoin('articles as a', 'a.id', 'v.article_id')
            .select('v.views')
            .where('a.slug', '=', 'harbour-board-approves-new-night-rules')
            .executeTakeFirst()
        )?.views ?? 0;
    }
    assert.equal(views, 1);
    const img = reader.locator('figure.article-image img');
    assert.equal(await img.getAttribute('alt'), 'The harbour board in session');
    assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), 'the image loads');
    // an update an hour later
    offset += 3_600_000;
    await page.getByRole('button', { name: /Mark as updated/ }).click();
    await page.getByText(/Marked as updated/).waitFor();
    await reader.reload();
    assert.match(await reader.locator('.time-line').innerText(), /\| Updated /);
    await reader.close();
    await page.close();
  });

  it('gives an article a lead image, from the upload to the front page, the article and link previews', async () => {
    const page = await editor.newPage();
    await write(page, 'Night ferries return to the harbour');
    const sharp = (await import('sharp')).default;
    const photo = join(mkdtempSync(join(tmpdir(), 'parley-img-')), 'ferry.png');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#aa5522' } })
      .png()
      .toFile(photo);
    await page.getByLabel(/^Image \(JPEG/).setInputFiles(photo);
    await page.getByLabel('Description for readers who cannot see it', { exact: true }).fill('A ferry at the quay');
    await page.getByLabel('Caption', { exact: true }).fill('The first night ferry in a year');
    await page.getByLabel('Credit', { exact: true }).fill('Photo: Desk');
    assert.ok(await page.getByLabel(/As the lead image/).isChecked(), 'the first image is the lead by default');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(await page.getByLabel(/Lead image: its description/).inputValue(), 'A ferry at the quay');
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published: it is on the site now.').waitFor();

    const reader = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await reader.goto(`${base}/`);
    const thumb = reader.locator('.story-list img[alt="A ferry at the quay"]').first();
    await thumb.waitFor({ state: 'attached' });
    assert.match((await thumb.evaluate((i: HTMLImageElement) => i.currentSrc)) ?? '', /\/media\/demo\/\w+\/\d+\.webp$/);
    assert.deepEqual(await seriousViolations(reader), []);
    await reader.getByRole('link', { name: 'Night ferries return to the harbour' }).first().click();
    const lead = reader.locator('figure.lead-image img');
    await lead.waitFor();
    assert.equal(await lead.getAttribute('alt'), 'A ferry at the quay');
    // decoded, at a width the 390 px screen needs rather than the 1600 px original
    await reader.waitForFunction(() => (document.querySelector('figure.lead-image img') as HTMLImageElement).complete);
    const chosen = await lead.evaluate((i: HTMLImageElement) => i.currentSrc);
    assert.match(chosen, /\/(640|1024)\.webp$/);
    assert.match(
      await reader.locator('figure.lead-image figcaption').innerText(),
      /The first night ferry in a year\s+Photo: Desk/,
    );
    assert.equal(await reader.locator('meta[name="twitter:card"]').getAttribute('content'), 'summary_large_image');
    assert.deepEqual(await seriousViolations(reader), []);
    await reader.close();
    await page.close();
  });

  it('schedules an article that is published when its time comes', async () => {
    const page = await editor.newPage();
    await write(page, 'Night ferries to resume next week');
    // An hour from now in the site's zone (Asia/Kolkata), as the field takes it.
    const at = new Date(Date.now() + offset + 3_600_000);
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Kolkata',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const v = (t: string) => local.find((p) => p.type === t)!.value;
    await page.getByLabel(/Publish at/).fill(`${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(/Scheduled: it will be published/).waitFor();
    const system = { id: 'system', displayName: 'Scheduler' } as User;
    await app.services.newsroom.publishDue(system);
    assert.equal((await page.request.get(`${base}/world/night-ferries-to-resume-next-week`)).status(), 404);
    offset += 2 * 3_600_000;
    assert.equal(await app.services.newsroom.publishDue(system), 1);
    const reader = await browser.newPage();
    await reader.goto(`${base}/`);
    await reader.getByRole('link', { name: 'Night ferries to resume next week' }).first().waitFor();
    await reader.close();
    await page.close();
  });

  it('brings a live entry to an open live-blog page and to the banner of an open article page within a second', async () => {
    const readers = await browser.newContext();
    const blog = await readers.newPage();
    const article = await readers.newPage();
    await blog.goto(`${base}${LIVE}`);
    await article.goto(`${base}${ARTICLE}`);
    await article.locator('.live-banner').waitFor();
    // Both pages hold their stream open before the entry is posted.
    for (let i = 0; i < 100 && app.services.liveHub.count() < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(app.services.liveHub.count() >= 2, 'both pages hold a live stream');

    const desk = await editor.newPage();
    const blogId = await blog.locator('.live-entries').getAttribute('data-blog');
    await desk.goto(`${base}/admin/liveblogs/${blogId}`);
    assert.deepEqual(await seriousViolations(desk), []);
    await desk.getByLabel('Entry headline').fill('Penalty saved in the last minute');
    await desk.locator('#l-text').fill('The goalkeeper dives left and keeps the group alive.');
    const t0 = Date.now();
    await desk.getByRole('button', { name: 'Post' }).click();
    await blog
      .locator('.live-entry h2', { hasText: 'Penalty saved in the last minute' })
      .waitFor({ timeout: 1000 + (Date.now() - t0) });
    await article.locator('.live-banner', { hasText: 'Penalty saved in the last minute' }).waitFor({ timeout: 1000 });
    const delay = Date.now() - t0;
    assert.ok(delay < 2000, `delivered in ${delay} ms (including the editor's form round trip)`);

    // A reader scrolled down in the coverage gets a "new updates" button instead of a jump.
    await blog.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await desk.getByLabel('Entry headline').fill('Final whistle sends both sides through');
    await desk.locator('#l-text').fill('A draw sends both sides to the knockout round.');
    await desk.getByRole('button', { name: 'Post' }).click();
    const button = blog.getByRole('button', { name: '1 new update' });
    await button.waitFor({ timeout: 2000 });
    assert.equal(await blog.locator('.live-entry h2', { hasText: 'Final whistle sends' }).count(), 0);
    await button.click();
    await blog.locator('.live-entry h2', { hasText: 'Final whistle sends' }).waitFor();

    // Taking the blog out of the banner removes it from open pages.
    await desk.getByRole('button', { name: 'Take out of the banner' }).click();
    await article.locator('.live-banner').waitFor({ state: 'detached', timeout: 2000 });
    await readers.close();
    await desk.close();
  });
});
