import { join } from 'node:path';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { accountsRoutes } from '../accounts/accounts.routes.ts';
import { createAccountsUsecases } from '../accounts/accounts.usecases.ts';
import { authApiRoutes } from '../accounts/api.routes.ts';
import { createAuth, installAuth } from '../accounts/auth.ts';
import { createExternalUsecases } from '../accounts/external.usecases.ts';
import { runAccountMaintenance } from '../accounts/maintenance.ts';
import { createPasswordHasher, type PasswordHasher } from '../accounts/passwords.ts';
import { createSessionsRepository } from '../accounts/sessions.repository.ts';
import { createSessionsUsecases } from '../accounts/sessions.usecases.ts';
import { createTokensRepository } from '../accounts/tokens.repository.ts';
import type { User } from '../accounts/users.repository.ts';
import { createUsersRepository } from '../accounts/users.repository.ts';
import { adminRoutes } from '../admin/admin.routes.ts';
import { createArticlesRepository } from '../articles/articles.repository.ts';
import { commentFormRoutes } from '../comments/comments.form.routes.ts';
import { createCommentsRepository } from '../comments/comments.repository.ts';
import { commentsRoutes } from '../comments/comments.routes.ts';
import { createCommentsUsecases } from '../comments/comments.usecases.ts';
import { createStoriesRepository } from '../comments/stories.repository.ts';
import type { Config } from '../config/config.ts';
import { buildBundles } from '../embed/bundles.ts';
import { embedRoutes } from '../embed/embed.routes.ts';
import { createInProcessBus } from '../events/bus.ts';
import { createPostgresBus } from '../events/postgres-bus.ts';
import { feedsRoutes } from '../feeds/feeds.routes.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { createDiskImageStore, type ImageStore } from '../images/image-store.ts';
import { imagesRoutes } from '../images/images.routes.ts';
import { createImagesUsecases } from '../images/images.usecases.ts';
import { claimRoutes } from '../imports/claim.routes.ts';
import { createLegacyClaims } from '../imports/claim.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createMailer } from '../mail/mailer.ts';
import { createOutboxRepository } from '../mail/outbox.repository.ts';
import { createModerateRepository } from '../moderate/moderate.repository.ts';
import { moderateRoutes } from '../moderate/moderate.routes.ts';
import { createModerateUsecases } from '../moderate/moderate.usecases.ts';
import { createModerationRepository } from '../moderation/moderation.repository.ts';
import { moderationRoutes } from '../moderation/moderation.routes.ts';
import { createModerationUsecases } from '../moderation/moderation.usecases.ts';
import type { ModerationPipeline } from '../moderation/pipeline.ts';
import { createLiveHub } from '../newsroom/live.hub.ts';
import { createNewsroomRepository } from '../newsroom/newsroom.repository.ts';
import { newsroomRoutes } from '../newsroom/newsroom.routes.ts';
import { createNewsroomUsecases } from '../newsroom/newsroom.usecases.ts';
import { createViewCounter } from '../newsroom/views.ts';
import { createWebSub } from '../newsroom/websub.ts';
import { createNotificationsRepository } from '../notifications/notifications.repository.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { createNotificationsUsecases } from '../notifications/notifications.usecases.ts';
import { createPageCache } from '../pages/page-cache.ts';
import { pagesRoutes } from '../pages/pages.routes.ts';
import { createPagesUsecases } from '../pages/pages.usecases.ts';
import { loadSecret } from '../shared/secrets.ts';
import { createSiteResolver } from '../sites/site-resolver.ts';
import type { Site } from '../sites/sites.repository.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { createOidcUsecases } from '../sso/oidc.usecases.ts';
import { createSsoRepository } from '../sso/sso.repository.ts';
import { ssoRoutes } from '../sso/sso.routes.ts';
import { createSsoUsecases } from '../sso/sso.usecases.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import { localDay, startOfLocalDay } from '../time/format.ts';
import type { AppDeps } from './deps.ts';
import { errorHandler } from './errors.ts';

export interface BuildOptions {
  /** an already open storage (tests); otherwise opened from the config */
  storage?: Storage;
  now?: () => Date;
  /** extra routes for benchmarks, registered on the same instance */
  extraRoutes?: (app: FastifyInstance) => void;
  imageStore?: ImageStore;
  /** tests use cheaper argon2 parameters; production uses OWASP's */
  passwords?: PasswordHasher;
  fetch?: typeof fetch;
  pipeline?: ModerationPipeline;
  /** PostgreSQL LISTEN/NOTIFY channel and connection (tests use one per run) */
  busChannel?: string;
  busConnectionString?: string;
}

export type App = FastifyInstance & { deps: AppDeps };

// The composition root: the only place that knows every feature.
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const storage = options.storage ?? (await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(storage);

  const now = options.now ?? (() => new Date());
  // One instance: events stay in the process. On PostgreSQL, instances share them.
  const bus =
    storage.engine === 'postgres' && (options.busChannel || config.databaseUrl)
      ? await createPostgresBus({
          connectionString: options.busConnectionString ?? config.databaseUrl!,
          channel: options.busChannel ?? 'parley_events',
        })
      : createInProcessBus();
  const sites = createSitesRepository(storage);
  const articles = createArticlesRepository(storage);
  const liveblogs = createLiveblogsRepository(storage);
  // Server-side lifetime of a rendered page: short, because another instance
  // may have changed the content without this one hearing of it.
  const pageCache = createPageCache({ ttlMs: 30_000, maxEntries: 5_000 });
  const secret = await loadSecret(storage.db, 'signing', config.secret, now().toISOString());
  const siteResolver = createSiteResolver({ sites, defaultSiteId: config.defaultSiteId });
  const users = createUsersRepository(storage);
  const sessionsRepo = createSessionsRepository(storage);
  const tokens = createTokensRepository(storage);
  const outbox = createOutboxRepository(storage);
  const ssoRepo = createSsoRepository(storage);
  const passwords = options.passwords ?? createPasswordHasher();
  const mailer = createMailer({ outbox, smtpUrl: config.smtpUrl, from: config.mailFrom, now });
  const claims = createLegacyClaims({ db: storage.db, now, mailer });
  const sessionsUsecases = createSessionsUsecases({
    sessions: sessionsRepo,
    users,
    secret,
    now,
    onSignIn: (u) => claims.claimFor(u),
  });
  const accounts = createAccountsUsecases({
    users,
    tokens,
    sessions: sessionsUsecases,
    passwords,
    mailer,
    now,
    signOnOnly: async (siteId) => Boolean((await ssoRepo.getSettings(siteId))?.signOnOnly),
    onEmailVerified: (u) => claims.claimFor(u),
  });
  const stories = createStoriesRepository(storage);
  const commentsRepo = createCommentsRepository(storage);
  const moderation = createModerationUsecases({ moderation: createModerationRepository(storage), now });
  // The community guidelines decide every comment; tests may put a pipeline of their own in.
  const pipeline = options.pipeline ?? moderation.pipeline;
  const bundles = await buildBundles();
  const notifications = createNotificationsUsecases({
    notifications: createNotificationsRepository(storage),
    users,
    comments: commentsRepo,
    mailer,
    now,
  });
  let logError: (err: unknown) => void = () => {};
  const commentsUsecases = createCommentsUsecases({
    comments: commentsRepo,
    stories,
    pipeline,
    bus,
    now,
    perMinute: config.commentsPerMinute,
    onPublished: (site, story, comment) => notifications.commentPublished(site, story, comment),
    onError: (err) => logError(err),
  });
  const moderateRepo = createModerateRepository(storage);
  const newsroomRepo = createNewsroomRepository(storage);
  // Image files: on disk beside the database unless the caller gives a store (tests: memory; S3 could follow).
  const images = createImagesUsecases({
    db: storage.db,
    store: options.imageStore ?? createDiskImageStore(join(config.dataDir, 'images')),
    now,
  });
  const views = createViewCounter({ newsroom: newsroomRepo, now, salt: secret });
  // Today's reading and commenting, for Top News: the day in the site's zone.
  const activity = (site: Site) =>
    newsroomRepo.activity(site.id, localDay(now(), site.timeZone), startOfLocalDay(now(), site.timeZone).toISOString());
  const deps: AppDeps = {
    config,
    storage,
    bus,
    now,
    sites,
    siteResolver,
    articles,
    liveblogs,
    pages: createPagesUsecases({
      articles,
      liveblogs,
      comments: commentsUsecases,
      stories,
      now,
      scripts: { app: bundles.app.path, counts: bundles.counts.path },
      activity,
    }),
    bundles,
    notifications,
    pageCache,
    users,
    sessionsUsecases,
    accounts,
    external: createExternalUsecases({ users, tokens, sessions: sessionsUsecases, accounts, passwords, mailer, now }),
    auth: createAuth({ siteResolver, sessions: sessionsUsecases, sessionsRepo, users, secret, now }),
    mailer,
    outbox,
    ssoRepo,
    ssoTokens: createSsoUsecases({ sso: ssoRepo, now }),
    oidc: createOidcUsecases({ sso: ssoRepo, secret, now, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    stories,
    commentsRepo,
    pipeline,
    commentsUsecases,
    moderation,
    moderate: createModerateUsecases({
      moderate: moderateRepo,
      users,
      comments: commentsUsecases,
      moderation,
      mailer,
      bus,
      now,
    }),
    moderateRepo,
    newsroom: createNewsroomUsecases({
      newsroom: newsroomRepo,
      articles,
      liveblogs,
      images,
      bus,
      now,
      sites: (id) => sites.get(id),
      websub: createWebSub({
        hub: config.websubHub,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        onError: (err) => logError(err),
      }),
    }),
    newsroomRepo,
    liveHub: createLiveHub({ bus, liveblogs, site: (id) => sites.get(id), entry: (a, e) => liveblogs.getEntry(a, e) }),
    views,
    claims,
    images,
  };
  bus.subscribe((event) => {
    if (event.type === 'content.changed') {
      pageCache.invalidateSite(event.siteId);
      deps.siteResolver.forget();
    } else if (event.type === 'comment.changed') {
      // Only the story's own page shows its comments.
      try {
        pageCache.invalidate(`${event.siteId}|${new URL(event.storyUrl).pathname}`);
      } catch {
        // an embed story of another site: no page of ours to refresh
      }
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
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
  app.setErrorHandler(errorHandler);
  logError = (err) => app.log.error({ err }, 'after-publish work failed');
  // Baseline protections on every answer. Pages may not be framed by other
  // sites (clickjacking of the login and settings forms); the comment embed
  // will relax frame-ancestors for each site's allowed origins.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (
      String(reply.getHeader('content-type') ?? '').startsWith('text/html') &&
      !reply.hasHeader('content-security-policy')
    ) {
      reply.header(
        'content-security-policy',
        "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
    }
    return payload;
  });

  // OpenAPI, generated from the same schemas that validate the requests.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version: '1',
        description:
          'Comments, accounts and sign-on. Errors are {"error": {"code", "message", "details"}} with stable codes.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'parley_session' },
        },
      },
    },
    hideUntagged: false,
    transform: ({ schema, url }) =>
      ({ schema: url.startsWith('/api/') ? schema : { ...(schema ?? {}), hide: true }, url }) as never,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  );
  await installAuth(app, deps.auth);
  await app.register(healthRoutes(deps));
  await app.register(accountsRoutes(deps));
  await app.register(authApiRoutes(deps));
  await app.register(ssoRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(moderationRoutes(deps));
  await app.register(moderateRoutes(deps));
  await app.register(commentsRoutes(deps));
  await app.register(commentFormRoutes(deps));
  await app.register(embedRoutes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(feedsRoutes(deps));
  await app.register(newsroomRoutes(deps));
  await app.register(claimRoutes(deps));
  await app.register(imagesRoutes(deps));
  options.extraRoutes?.(app);
  await app.register(pagesRoutes(deps));

  // Hourly housekeeping in every instance; each step is safe to run twice.
  const housekeeping = setInterval(() => {
    runAccountMaintenance({
      accounts,
      sessions: sessionsRepo,
      tokens,
      sso: ssoRepo,
      now,
      forgetAuthor: (u) => commentsRepo.forgetAuthor(u.id, u.deletionMode ?? 'anonymise'),
    }).catch((err) => app.log.error({ err }, 'account maintenance failed'));
  }, 3_600_000);
  // Digests are checked every five minutes; each reader's own hour or day decides.
  const digests = setInterval(() => {
    notifications.sendDigests((id) => sites.get(id)).catch((err) => app.log.error({ err }, 'digests failed'));
  }, 300_000);
  // The newsroom's clock: scheduled articles go out, idle live blogs end; views are written in batches.
  const system = { id: 'system', displayName: 'Scheduler' } as User;
  const newsroomTick = async () => {
    await deps.newsroom.publishDue(system);
    await deps.newsroom.endIdleLiveBlogs(system);
  };
  const scheduler = setInterval(
    () => void newsroomTick().catch((err) => app.log.error({ err }, 'scheduled publishing failed')),
    15_000,
  );
  const viewFlush = setInterval(
    () => void views.flush().catch((err) => app.log.error({ err }, 'page views not written')),
    5_000,
  );
  void newsroomTick().catch((err) => app.log.error({ err }, 'scheduled publishing failed'));
  digests.unref();
  housekeeping.unref();
  scheduler.unref();
  viewFlush.unref();

  app.addHook('onClose', async () => {
    clearInterval(housekeeping);
    clearInterval(digests);
    clearInterval(scheduler);
    clearInterval(viewFlush);
    deps.liveHub.close();
    await views.flush().catch(() => {});
    if ('close' in bus) await (bus as { close(): Promise<void> }).close();
    if (!options.storage) await storage.close();
  });
  return Object.assign(app, { deps }) as unknown as App;
}
