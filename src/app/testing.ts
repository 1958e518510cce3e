import { createArticlesRepository } from '../articles/articles.repository.ts';
import { loadConfig } from '../config/config.ts';
import { seedDemo } from '../demo/seed.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import { type App, buildApp } from './buildApp.ts';

/** Noon in India on a fixed day: page times in tests are exact. */
export const TEST_NOW = new Date('2026-06-15T06:30:00.000Z');
export const TEST_BASE_URL = 'https://news.test';

/** An app on a fresh in-memory database holding the demo site, with a fixed clock. */
export async function buildTestApp(options: { storage?: Storage; now?: () => Date; env?: Record<string, string> } = {}): Promise<App> {
  const now = options.now ?? (() => TEST_NOW);
  const storage = options.storage ?? (await openStorage({ dataDir: ':memory:' }));
  await migrateToLatest(storage);
  await seedDemo(
    { sites: createSitesRepository(storage), articles: createArticlesRepository(storage), liveblogs: createLiveblogsRepository(storage), now },
    { baseUrl: TEST_BASE_URL },
  );
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ...options.env }), { storage, now });
  if (!options.storage) app.addHook('onClose', async () => storage.close());
  return app;
}

/** The text of the first element matching a class, tags stripped: enough to check what a reader sees. */
export function textOf(html: string, className: string): string | undefined {
  const m = new RegExp(`class="${className}"[^>]*>([\\s\\S]*?)</(p|div|h1|section|ol|ul|span|a)>`).exec(html);
  return m?.[1]?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
}
