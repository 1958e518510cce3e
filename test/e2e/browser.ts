import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

// Debian's Chromium, driven by playwright-core (npm cannot download browsers
// here). Without it a developer's run skips with a reason; CI=true must run.
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function browserSkipReason(): string | undefined {
  if (findChromium()) return undefined;
  const why = 'Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires the browser tests to run.`);
  console.warn(`# skipping browser tests: ${why}`);
  return why;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the app on a local port and opens Chromium: the start of every browser test. */
export async function serveAndLaunch(app: {
  listen(o: { port: number; host: string }): Promise<string>;
  server: { address(): unknown };
}): Promise<{ base: string; browser: Browser }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { base, browser: await launchBrowser() };
}

/** A browser context logged in as a test user (the password every test user has). */
export async function signedInContext(browser: Browser, base: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/account/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/account`);
  await page.close();
  return context;
}
