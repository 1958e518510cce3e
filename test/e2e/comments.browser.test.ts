import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { postComment } from '../../src/comments/posting.usecases.ts';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId } from '../../src/http/testing.ts';
import { seriousViolations } from './axe.ts';
import { browserSkipReason, serveAndLaunch, signedInContext } from './browser.ts';

const skip = browserSkipReason();
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

describe('comments in Chromium', { skip }, () => {
  let app: App;
  let browser: Browser;
  let base: string;
  let storyId: string;

  const signedIn = (email: string) => signedInContext(browser, base, email);

  async function openArticle(context: BrowserContext, query = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}${ARTICLE}${query}`);
    await page.locator('.p-root').waitFor();
    return page;
  }

  before(async () => {
    app = await buildTestApp({
      now: () => new Date(),
      env: { PARLEY_COMMENTS_PER_MINUTE: '1000' },
      policy: { spam: { floodPerTenMinutes: 1000 } },
    });
    ({ base, browser } = await serveAndLaunch(app));
    await createTestUser(app, { email: 'asha@example.org', name: 'Asha Rao' });
    await createTestUser(app, { email: 'ravi@example.org', name: 'Ravi Kumar' });
    storyId = await demoArticleStoryId(app);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('posts a comment that a second reader sees live, behind a "new comments" button', async () => {
    const asha = await signedIn('asha@example.org');
    const reader = await browser.newContext();
    const mine = await openArticle(asha);
    const theirs = await openArticle(reader);
    await mine.getByLabel(/Your comment, as Asha Rao/).fill('The **quota** question is the real test of these talks.');
    const t0 = Date.now();
    await mine.getByRole('button', { name: 'Post comment' }).click();
    await mine.locator('.p-comment', { hasText: 'the real test of these talks' }).waitFor();
    const button = theirs.getByRole('button', { name: '1 new comment' });
    await button.waitFor({ timeout: 3000 });
    const delay = Date.now() - t0;
    assert.ok(delay < 2000, `arrived after ${delay} ms`);
    // it waited instead of jumping into the page
    assert.equal(await theirs.locator('.p-comment', { hasText: 'the real test of these talks' }).count(), 0);
    await button.click();
    assert.equal(await theirs.locator('.p-comment strong', { hasText: 'quota' }).count(), 1);
    assert.deepEqual(await seriousViolations(theirs), []);
    await asha.close();
    await reader.close();
  });

  it('replies and reacts, and the author sees the reply arrive', async () => {
    const asha = await signedIn('asha@example.org');
    const ravi = await signedIn('ravi@example.org');
    const aPage = await openArticle(asha);
    const rPage = await openArticle(ravi);
    const target = rPage.locator('.p-comment', { hasText: 'the real test of these talks' }).first();
    await target.getByRole('button', { name: /^Respect/ }).click();
    await target.getByRole('button', { name: /^Respect · 1/ }).waitFor();
    await target.getByRole('button', { name: 'Reply' }).click();
    await rPage.getByLabel('Your reply').fill('I agree, and the patrol costs matter too.');
    await rPage.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await rPage.locator('.p-replies .p-comment', { hasText: 'patrol costs' }).waitFor();
    await aPage.locator('.p-replies .p-comment', { hasText: 'patrol costs' }).waitFor({ timeout: 3000 });
    assert.equal(await aPage.locator('.p-replies .p-comment strong', { hasText: 'Ravi Kumar' }).count(), 1);
    // the bell tells Asha, and lists the reply
    await aPage.reload();
    const bell = aPage.getByRole('button', { name: /Notifications \(1 new\)/ });
    await bell.waitFor({ timeout: 5000 });
    await bell.click();
    assert.match(await aPage.locator('.p-notes').innerText(), /Ravi Kumar replied to you on Island nations/);
    await asha.close();
    await ravi.close();
  });

  it('sorts, and loads more comments', async () => {
    const asha = await app.services.usersRepository.getByEmail('demo', 'asha@example.org');
    const site = (await app.services.sitesRepository.get('demo'))!;
    for (let i = 1; i <= 24; i++)
      await postComment(app.services, {
        site,
        user: asha!,
        storyId,
        body: `Numbered comment ${String(i).padStart(2, '0')} about the talks.`,
      });
    const reader = await browser.newContext();
    const page = await openArticle(reader);
    await page.locator('.p-comment').first().waitFor();
    const tops = () => page.locator('.p-list > .p-comment > article .p-body').allInnerTexts();
    assert.equal((await tops())[0], 'Numbered comment 24 about the talks.');
    assert.equal((await tops()).length, 20);
    await page.getByRole('button', { name: 'Show more comments' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.p-list > .p-comment').length > 20);
    // 1 + 24 top-level comments (the reply in the earlier test is not one)
    assert.equal((await tops()).length, 25);
    await page.getByLabel('Sort comments').selectOption('oldest');
    await page.waitForFunction(() =>
      document.querySelector('.p-list > .p-comment .p-body')?.textContent?.includes('real test'),
    );
    await page.getByLabel('Sort comments').selectOption('reactions');
    await page.waitForFunction(() =>
      document.querySelector('.p-list > .p-comment .p-body')?.textContent?.includes('real test'),
    );
    await reader.close();
  });

  it('opens a permalink scrolled to a comment deep in its thread', async () => {
    const [asha, ravi] = await Promise.all([
      app.services.usersRepository.getByEmail('demo', 'asha@example.org'),
      app.services.usersRepository.getByEmail('demo', 'ravi@example.org'),
    ]);
    const site = (await app.services.sitesRepository.get('demo'))!;
    let parent = (
      await postComment(app.services, {
        site,
        user: asha!,
        storyId,
        body: 'The start of a long argument about quotas.',
      })
    ).comment;
    for (let i = 1; i <= 6; i++)
      parent = (
        await postComment(app.services, {
          site,
          user: i % 2 ? ravi! : asha!,
          storyId,
          parentId: parent.id,
          body: `Level ${i} of the argument, still civil.`,
        })
      ).comment;
    // bury the thread under newer ones
    for (let i = 0; i < 22; i++)
      await postComment(app.services, {
        site,
        user: asha!,
        storyId,
        body: `A later remark, number ${i}, on another point.`,
      });
    const reader = await browser.newContext();
    const page = await openArticle(reader, `?comment=${parent.id}`);
    const target = page.locator(`#comment-${parent.id}`);
    await target.waitFor();
    assert.match(String(await target.getAttribute('class')), /p-highlight/);
    assert.ok(await target.isVisible());
    assert.match(await target.innerText(), /Level 6 of the argument/);
    assert.match(await target.innerText(), /in reply to/);
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    assert.ok(box && box.y >= 0 && box.y < viewport.height, `scrolled into view (y=${box?.y})`);
    await reader.close();
  });

  it("speaks the page's language where it has the words", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/embed/frame?url=${encodeURIComponent('https://blog.example/hindi-page')}&lang=hi-IN`);
    await page.getByText('अभी कोई टिप्पणी नहीं। पहली टिप्पणी आपकी हो।').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'hi-IN');
    assert.ok(await page.getByRole('button', { name: 'टिप्पणी करने के लिए लॉग इन करें' }).isVisible());
    // a language without a catalogue falls back to English
    await page.goto(`${base}/embed/frame?url=${encodeURIComponent('https://blog.example/other')}&lang=fr`);
    await page.getByText('No comments yet. Be the first.').waitFor();
    await page.close();
  });

  it('shows the comments without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${ARTICLE}`);
    assert.ok((await page.locator('.comment-list > .comment').count()) >= 20);
    assert.match(await page.locator('.comment-count').innerText(), /\d+ comments/);
    assert.ok(await page.getByRole('link', { name: 'Show more comments' }).isVisible());
    await context.close();
  });

  it("embeds in a plain HTML page on another origin, sized to fit, signed in by the publisher's token", async () => {
    const secret = 'a-publisher-shared-secret-of-forty-characters';
    await app.services.ssoRepository.saveSettings({
      siteId: 'demo',
      algorithm: 'HS256',
      secret,
      publicKey: null,
      jwksUrl: null,
      issuer: null,
      audience: 'parley:demo',
      signOnOnly: false,
      loginUrl: null,
    });
    let other: Server | undefined;
    try {
      let html = readFileSync(new URL('../../examples/embed.html', import.meta.url), 'utf8').replaceAll(
        'PARLEY_PUBLIC_URL',
        base,
      );
      other = createServer((_req, res) => res.setHeader('content-type', 'text/html; charset=utf-8').end(html));
      await new Promise<void>((r) => other!.listen(0, '127.0.0.1', r));
      const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const settings = await app.services.storiesRepository.getSettings('demo');
      await app.services.storiesRepository.saveSettings({ ...settings, allowedOrigins: [otherOrigin] });
      const token = await new SignJWT({ name: 'Blog Reader', email: 'blog@reader.example', email_verified: true })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('blog-1')
        .setAudience('parley:demo')
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti(`j-${Date.now()}`)
        .sign(new TextEncoder().encode(secret));
      html = html.replace(
        'data-parley-story="harbour-market-notes"',
        `data-parley-story="harbour-market-notes" data-parley-sso-token="${token}"`,
      );

      const page = await browser.newPage();
      await page.goto(`${otherOrigin}/`);
      const frame = page.frameLocator('iframe[title="Comments"]');
      await frame.getByText('Signed in as').waitFor({ timeout: 10_000 });
      await frame
        .getByLabel(/Your comment, as Blog Reader/)
        .fill('Greetings from the blog, where the comments live in a frame.');
      await frame.getByRole('button', { name: 'Post comment' }).click();
      await frame.locator('.p-comment', { hasText: 'Greetings from the blog' }).waitFor();
      // the frame grows with its content
      await page.waitForFunction(
        () => (document.querySelector('iframe[title="Comments"]') as HTMLIFrameElement).offsetHeight !== 420,
      );
      const story = await app.services.storiesRepository.getByKey('demo', 'ext:harbour-market-notes');
      assert.equal(story?.commentCount, 1);
      assert.equal(story?.url, 'https://blog.example/harbour-market-notes');
      // the counts script, on the next visit to the page
      const again = await browser.newPage();
      await again.goto(`${otherOrigin}/`);
      await again.waitForFunction(() => document.querySelector('[data-parley-count]')?.textContent === '1 comment');
      await again.close();

      // an origin that is not allowed gets no frame
      await app.services.storiesRepository.saveSettings({ ...settings, allowedOrigins: [] });
      const blocked = await browser.newPage();
      await blocked.goto(`${otherOrigin}/`);
      await blocked.waitForTimeout(1500);
      const frames = blocked.frames().filter((f) => f.url().includes('/embed/frame'));
      const shown = frames.length
        ? await frames[0]!
            .locator('.p-root')
            .count()
            .catch(() => 0)
        : 0;
      assert.equal(shown, 0);
      await app.services.storiesRepository.saveSettings(settings);
      await page.close();
      await blocked.close();
    } finally {
      other?.close();
    }
  });
});
