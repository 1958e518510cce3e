import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { AccountsUsecases } from '../accounts/accounts.usecases.ts';
import { createAccountsUsecases } from '../accounts/accounts.usecases.ts';
import { type Auth, createAuth } from '../accounts/auth.ts';
import type { ExternalUsecases } from '../accounts/external.usecases.ts';
import { createExternalUsecases } from '../accounts/external.usecases.ts';
import { createPasswordHasher, type PasswordHasher } from '../accounts/passwords.ts';
import type { SessionsUsecases } from '../accounts/sessions.usecases.ts';
import { createSessionsUsecases } from '../accounts/sessions.usecases.ts';
import type { User } from '../accounts/users.repository.ts';
import type { NewsroomUsecases } from '../articles/newsroom.usecases.ts';
import { createNewsroomUsecases } from '../articles/newsroom.usecases.ts';
import type { Config } from '../config/config.ts';
import { createWidget, type Widget } from '../embed/bundles.ts';
import type { Bus } from '../events/bus.ts';
import { openBus } from '../events/open-bus.ts';
import { createWebSub } from '../feeds/websub.ts';
import { loadModels } from '../guidelines/models.ts';
import type { ModerationPipeline } from '../guidelines/pipeline.ts';
import { createPolicyCache, type PolicyCache } from '../guidelines/policy-cache.ts';
import { createSitePipeline } from '../guidelines/site-pipeline.ts';
import { imageStoreFor } from '../images/image-store.ts';

import type { ImagesUsecases } from '../images/images.usecases.ts';
import { createImagesUsecases } from '../images/images.usecases.ts';
import { claimLegacyComments } from '../imports/claims.ts';
import type { LiveHub } from '../liveblogs/live.hub.ts';
import { createLiveHub } from '../liveblogs/live.hub.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { createPageCache, type PageCache } from '../pages/page-cache.ts';
import type { PagesUsecases } from '../pages/pages.usecases.ts';
import { createPagesUsecases } from '../pages/pages.usecases.ts';
import { type Background, createBackground } from '../shared/background.ts';
import type { SharedRateLimiter } from '../shared/rate-limit.ts';
import { loadSecret } from '../shared/secrets.ts';
import { createSiteResolver, type SiteResolver } from '../sites/site-resolver.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { OidcUsecases } from '../sso/oidc.usecases.ts';
import { createOidcUsecases } from '../sso/oidc.usecases.ts';
import type { SsoUsecases } from '../sso/sso.usecases.ts';
import { createSsoUsecases } from '../sso/sso.usecases.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import { createSecretsRepository } from '../storage/secrets.repository.ts';
import { localDay, startOfLocalDay } from '../time/format.ts';
import type { ViewCounter } from '../topnews/views.ts';
import { createViewCounter } from '../topnews/views.ts';
import { subscribeWebhooks, type WebhookQueue } from '../webhooks/queue.ts';
import { keepCachesFresh } from './caches.ts';
import { createLimiters } from './limits.ts';
import { createRepositories, type Repositories } from './repositories.ts';
import type { ServicesOptions } from './services-options.ts';

export type { ServicesOptions } from './services-options.ts';

import { closeServices } from './shutdown.ts';

// The core: storage, the event bus, repositories and the features' services,
// with no HTTP in it. The HTTP server (http/app.ts), the parley command
// (cli/), the background jobs (jobs/) and the tests all start from here, so
// that there is one way to put Parley together.

/**
 * Everything a door (HTTP, CLI, jobs, tests) may hand to a feature. Routes and
 * use cases declare the few they use with Pick<Services, ...>. The repositories
 * (core/repositories.ts) are the only writers of their tables; the rest is
 * shared machinery.
 */
export interface Services extends Repositories {
  config: Config;
  log: Logger;
  storage: Storage;
  /** events between features and, on PostgreSQL, between instances */
  bus: Bus;
  /** the clock (tests fix it) */
  now: () => Date;
  /** work done after an answer, which a shutdown waits for */
  background: Background;

  // shared machinery
  siteResolver: SiteResolver;
  auth: Auth;
  passwords: PasswordHasher;
  mailer: Mailer;
  /** the community guidelines: every comment's decision */
  guidelines: ModerationPipeline;
  /** each site's guidelines under its saved policy, and its spam marks */
  policyCache: PolicyCache;
  pageCache: PageCache;
  liveHub: LiveHub;
  views: ViewCounter;
  widget: Widget;
  /** new comments per reader and minute, shared by the instances on PostgreSQL */
  commentsRateLimiter: SharedRateLimiter;
  /** links to claim older comments per reader and hour, shared likewise */
  claimsRateLimiter: SharedRateLimiter;
  /** activities on the bus, queued for the sites' webhooks */
  webhookQueue: WebhookQueue;

  // features' use cases, still built as objects
  sessions: SessionsUsecases;
  accounts: AccountsUsecases;
  external: ExternalUsecases;
  ssoTokens: SsoUsecases;
  oidc: OidcUsecases;
  newsroom: NewsroomUsecases;
  pages: PagesUsecases;
  images: ImagesUsecases;

  /** closes the bus and, unless it was given, the storage */
  close(): Promise<void>;
}

export async function createServices(config: Config, options: ServicesOptions = {}): Promise<Services> {
  const storage = options.storage ?? (await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(storage);
  const services = await composeServices(config, storage, options);
  return Object.assign(services, { close: () => closeServices(services, !options.storage) });
}

async function composeServices(
  config: Config,
  storage: Storage,
  options: ServicesOptions,
): Promise<Omit<Services, 'close'>> {
  const now = options.now ?? (() => new Date());
  const log: Logger = options.log ?? pino({ level: config.logLevel });
  // Work done after an answer (notifications, pings) has nobody to tell but the log.
  const reportError = (what: string) => (err: unknown) => log.error({ err }, what);
  const bus: Bus = await openBus({
    engine: storage.engine,
    connectionString:
      options.busChannel || config.databaseUrl ? (options.busConnectionString ?? config.databaseUrl) : undefined,
    channel: options.busChannel,
    log,
  });
  const secret = await loadSecret(
    { secretsRepository: createSecretsRepository(storage) },
    { name: 'signing', rootSecret: config.secret, now: now().toISOString() },
  );

  const repositories = createRepositories(storage);
  const {
    sitesRepository: sites,
    usersRepository: users,
    sessionsRepository: sessionsRepo,
    tokensRepository: tokens,
    outboxRepository: outbox,
    ssoRepository: ssoRepo,
    articlesRepository: articles,
    liveblogsRepository: liveblogs,
    newsroomRepository: newsroomRepo,
    storiesRepository: stories,
    commentsRepository: commentsRepo,
    notificationsRepository: notificationsRepo,
    importsRepository: importsRepo,
    topnewsRepository: topnews,
    imagesRepository,
    guidelinesRepository,
    learningRepository,
  } = repositories;
  const siteResolver = createSiteResolver({ sites, defaultSiteId: config.defaultSiteId });
  const passwords = options.passwords ?? createPasswordHasher();
  const mailer = createMailer({ outbox, smtpUrl: config.smtpUrl, from: config.mailFrom, now });
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};

  // Readers get their older comments back as soon as they prove who they are.
  const claim = (u: User) =>
    claimLegacyComments(
      { importsRepository: importsRepo, commentsRepository: commentsRepo, usersRepository: users, now },
      u,
    );
  const sessionsUsecases = createSessionsUsecases({
    sessions: sessionsRepo,
    users,
    secret,
    now,
    onSignIn: claim,
  });
  const accounts = createAccountsUsecases({
    users,
    tokens,
    sessions: sessionsUsecases,
    passwords,
    mailer,
    now,
    signOnOnly: async (siteId) => Boolean((await ssoRepo.getSettings(siteId))?.signOnOnly),
    onEmailVerified: claim,
  });
  // The committed models, read now: a broken file stops the start, and the first comment does not wait.
  loadModels();
  const policyCache = createPolicyCache({ guidelinesRepository, learningRepository, now });
  // The community guidelines decide every comment; tests may put a pipeline of their own in.
  const pipeline = options.pipeline ?? createSitePipeline({ policyCache, guidelinesRepository, now });
  // What the comments' functions need where features still built as objects call them.
  const background = createBackground();
  const commentsDeps = {
    background,
    commentsRepository: commentsRepo,
    storiesRepository: stories,
    notificationsRepository: notificationsRepo,
    usersRepository: users,
    mailer,
    bus,
    now,
    log,
  };
  // Image files: on disk beside SQLite, in PostgreSQL for every instance (tests: memory).
  const images = createImagesUsecases({
    imagesRepository,
    store: options.imageStore ?? imageStoreFor(storage, join(config.dataDir, 'images'), now),
    now,
  });
  const views = createViewCounter({ topnews, now, salt: secret });
  // Today's reading and commenting, for Top News: the day in the site's zone.
  const activity = (site: Site) =>
    topnews.activity(site.id, localDay(now(), site.timeZone), startOfLocalDay(now(), site.timeZone).toISOString());
  const widget: Widget = createWidget();
  // Server-side lifetime of a rendered page: short, because another instance
  // may have changed the content without this one hearing of it.
  const pageCache: PageCache = createPageCache({ ttlMs: 30_000, maxEntries: 5_000 });
  const auth: Auth = createAuth({ siteResolver, sessions: sessionsUsecases, sessionsRepo, users, secret, now });
  const liveHub = createLiveHub({
    bus,
    liveblogs,
    site: (id) => sites.get(id),
    entry: (a, e) => liveblogs.getEntry(a, e),
  });

  const webhookQueue = subscribeWebhooks({
    bus,
    webhooksRepository: repositories.webhooksRepository,
    onError: reportError('queueing webhooks failed'),
  });

  const services: Omit<Services, 'close'> = {
    ...repositories,
    config,
    log,
    storage,
    bus,
    now,
    background,
    siteResolver,
    widget,
    pages: createPagesUsecases({
      articles,
      liveblogs,
      comments: commentsDeps,
      stories,
      now,
      scripts: () => ({ app: widget.bundles.app.path, counts: widget.bundles.counts.path }),
      activity,
    }),
    pageCache,
    passwords,
    sessions: sessionsUsecases,
    accounts,
    external: createExternalUsecases({ users, tokens, sessions: sessionsUsecases, accounts, passwords, mailer, now }),
    auth,
    mailer,
    ssoTokens: createSsoUsecases({ sso: ssoRepo, now }),
    oidc: createOidcUsecases({ sso: ssoRepo, secret, now, ...fetchOption }),
    ...createLimiters(config, storage, now),
    guidelines: pipeline,
    policyCache,
    newsroom: createNewsroomUsecases({
      newsroom: newsroomRepo,
      articles,
      liveblogs,
      images,
      bus,
      now,
      sites: (id) => sites.get(id),
      websub: createWebSub({ hub: config.websubHub, ...fetchOption, onError: reportError('WebSub ping failed') }),
    }),
    liveHub,
    views,
    images,
    webhookQueue,
  };

  keepCachesFresh({
    bus,
    pageCache,
    siteResolver,
    policyCache,
    purge: { url: config.purgeUrl, log, fetch: options.fetch },
  });
  return services;
}
