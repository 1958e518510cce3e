import type { ArticlesRepository } from '../articles/articles.repository.ts';
import type { Config } from '../config/config.ts';
import type { Bus } from '../events/bus.ts';
import type { LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import type { PageCache } from '../pages/page-cache.ts';
import type { PagesUsecases } from '../pages/pages.usecases.ts';
import type { SiteResolver } from '../sites/site-resolver.ts';
import type { SitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';

/** Everything a feature may depend on, passed as one named object. */
export interface AppDeps {
  config: Config;
  storage: Storage;
  bus: Bus;
  now: () => Date;
  sites: SitesRepository;
  siteResolver: SiteResolver;
  articles: ArticlesRepository;
  liveblogs: LiveblogsRepository;
  pages: PagesUsecases;
  pageCache: PageCache;
}
