import { createArticlesRepository } from '../articles/articles.repository.ts';
import type { Config } from '../config/config.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { createTopnewsRepository } from '../topnews/topnews.repository.ts';
import { demoSite } from './content.ts';
import { seedDemo } from './seed.ts';

/**
 * Creates the demo site on first start. Later starts keep its content but
 * follow a changed public address (PARLEY_PUBLIC_URL or PORT), so links and
 * canonical URLs stay right.
 */
export async function ensureDemo(
  storage: Storage,
  config: Config,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const sites = createSitesRepository(storage);
  const created = await seedDemo(
    {
      sites,
      articles: createArticlesRepository(storage),
      liveblogs: createLiveblogsRepository(storage),
      topnews: createTopnewsRepository(storage),
      now,
    },
    { baseUrl },
  );
  if (!created) {
    const site = await sites.get(demoSite.id);
    if (site && site.baseUrl !== baseUrl) await sites.updateBaseUrl(demoSite.id, baseUrl);
  }
  return created;
}
