import { join } from 'node:path';
import { createArticlesRepository } from '../articles/articles.repository.ts';
import type { Config } from '../config/config.ts';
import { createDiskImageStore } from '../images/image-store.ts';
import { createImagesRepository } from '../images/images.repository.ts';
import { createImagesUsecases } from '../images/images.usecases.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { createTopnewsRepository } from '../topnews/topnews.repository.ts';
import { demoSite } from './content.ts';
import { type SeedDemoDeps, seedDemo } from './seed.ts';

/**
 * Creates the demo site on first start. Later starts keep its content but
 * follow a changed public address (PARLEY_PUBLIC_URL or PORT), so links and
 * canonical URLs stay right. The demo's pictures go through the image
 * pipeline into the running Parley's store (by default the data folder's).
 */
export async function ensureDemo(
  storage: Storage,
  config: Config,
  now: () => Date = () => new Date(),
  images: SeedDemoDeps['images'] = createImagesUsecases({
    imagesRepository: createImagesRepository(storage),
    store: createDiskImageStore(join(config.dataDir, 'images')),
    now,
  }),
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
      images,
    },
    { baseUrl },
  );
  if (!created) {
    const site = await sites.get(demoSite.id);
    if (site && site.baseUrl !== baseUrl) await sites.updateBaseUrl(demoSite.id, baseUrl);
  }
  return created;
}
