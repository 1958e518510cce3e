import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { createArticlesRepository } from '../articles/articles.repository.ts';
import type { Config } from '../config/config.ts';
import { createInProcessBus } from '../events/bus.ts';
import { feedsRoutes } from '../feeds/feeds.routes.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createPageCache } from '../pages/page-cache.ts';
import { pagesRoutes } from '../pages/pages.routes.ts';
import { createPagesUsecases } from '../pages/pages.usecases.ts';
import { createSiteResolver } from '../sites/site-resolver.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import type { AppDeps } from './deps.ts';
import { errorHandler } from './errors.ts';

export interface BuildOptions {
  /** an already open storage (tests); otherwise opened from the config */
  storage?: Storage;
  now?: () => Date;
  /** extra routes for benchmarks, registered on the same instance */
  extraRoutes?: (app: FastifyInstance) => void;
}

export type App = FastifyInstance & { deps: AppDeps };

// The composition root: the only place that knows every feature.
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const storage = options.storage ?? (await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(storage);

  const now = options.now ?? (() => new Date());
  const bus = createInProcessBus();
  const sites = createSitesRepository(storage);
  const articles = createArticlesRepository(storage);
  const liveblogs = createLiveblogsRepository(storage);
  // Server-side lifetime of a rendered page: short, because another instance
  // may have changed the content without this one hearing of it.
  const pageCache = createPageCache({ ttlMs: 30_000, maxEntries: 5_000 });
  const deps: AppDeps = {
    config,
    storage,
    bus,
    now,
    sites,
    siteResolver: createSiteResolver({ sites, defaultSiteId: config.defaultSiteId }),
    articles,
    liveblogs,
    pages: createPagesUsecases({ articles, liveblogs, now }),
    pageCache,
  };
  bus.subscribe((event) => {
    if (event.type === 'content.changed') {
      pageCache.invalidateSite(event.siteId);
      deps.siteResolver.forget();
    }
  });

  const app = Fastify({
    logger: { level: config.logLevel },
    // Fastify's own two lines per request are replaced by one (below).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 300 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // One line per request, written after the response: method, path, status, time.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });
  app.setErrorHandler(errorHandler);

  await app.register(healthRoutes(deps));
  await app.register(feedsRoutes(deps));
  options.extraRoutes?.(app);
  await app.register(pagesRoutes(deps));

  app.addHook('onClose', async () => {
    if (!options.storage) await storage.close();
  });
  return Object.assign(app, { deps }) as unknown as App;
}
