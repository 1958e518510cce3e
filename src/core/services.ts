import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { AccountsUsecases } from '../accounts/accounts.usecases.ts';
import { createAccountsUsecases } from '../accounts/accounts.usecases.ts';
import { type Auth, createAuth } from '../accounts/auth.ts';
import type { ExternalUsecases } from '../accounts/external.usecases.ts';
import { createExternalUsecases } from '../accounts/external.usecases.ts';
import { createPasswordHasher, type PasswordHasher } from '../accounts/passwords.ts';
import { createSessionsRepository, type SessionsRepository } from '../accounts/sessions.repository.ts';
import type { SessionsUsecases } from '../accounts/sessions.usecases.ts';
import { createSessionsUsecases } from '../accounts/sessions.usecases.ts';
import { createTokensRepository, type TokensRepository } from '../accounts/tokens.repository.ts';
import { createUsersRepository, type User, type UsersRepository } from '../accounts/users.repository.ts';
import { type ArticlesRepository, createArticlesRepository } from '../articles/articles.repository.ts';
import { createNewsroomRepository, type NewsroomRepository } from '../articles/newsroom.repository.ts';
import type { NewsroomUsecases } from '../articles/newsroom.usecases.ts';
import { createNewsroomUsecases } from '../articles/newsroom.usecases.ts';
import { type CommentsRepository, createCommentsRepository } from '../comments/comments.repository.ts';
import { type CommentDecisionsRepository, createCommentDecisionsRepository } from '../comments/decisions.repository.ts';
import { createStoriesRepository, type StoriesRepository } from '../comments/stories.repository.ts';
import type { Config } from '../config/config.ts';
import { createWidget, type Widget } from '../embed/bundles.ts';
import { type Bus, createInProcessBus } from '../events/bus.ts';
import { createPostgresBus } from '../events/postgres-bus.ts';
import { createWebSub } from '../feeds/websub.ts';
import { createGuidelinesRepository, type GuidelinesRepository } from '../guidelines/guidelines.repository.ts';
import { createLearningRepository, type LearningRepository } from '../guidelines/learning.repository.ts';
import { loadModels } from '../guidelines/models.ts';
import type { ModerationPipeline } from '../guidelines/pipeline.ts';
import { createPolicyCache, type PolicyCache } from '../guidelines/policy-cache.ts';
import { createSitePipeline } from '../guidelines/site-pipeline.ts';
import { createDiskImageStore, type ImageStore } from '../images/image-store.ts';
import type { ImagesUsecases } from '../images/images.usecases.ts';
import { createImagesUsecases } from '../images/images.usecases.ts';
import { claimLegacyComments } from '../imports/claims.ts';
import { createImportsRepository, type ImportsRepository } from '../imports/imports.repository.ts';
import type { LiveHub } from '../liveblogs/live.hub.ts';
import { createLiveHub } from '../liveblogs/live.hub.ts';
import { createLiveblogsRepository, type LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { createOutboxRepository, type OutboxRepository } from '../mail/outbox.repository.ts';
import { createModerationRepository, type ModerationRepository } from '../moderation/moderation.repository.ts';
import {
  createNotificationsRepository,
  type NotificationsRepository,
} from '../notifications/notifications.repository.ts';
import { createPageCache, type PageCache } from '../pages/page-cache.ts';
import type { PagesUsecases } from '../pages/pages.usecases.ts';
import { createPagesUsecases } from '../pages/pages.usecases.ts';
import { createRateLimiter, type RateLimiter } from '../shared/rate-limit.ts';
import { loadSecret } from '../shared/secrets.ts';
import { createSiteResolver, type SiteResolver } from '../sites/site-resolver.ts';
import type { Site } from '../sites/sites.repository.ts';
import { createSitesRepository, type SitesRepository } from '../sites/sites.repository.ts';
import type { OidcUsecases } from '../sso/oidc.usecases.ts';
import { createOidcUsecases } from '../sso/oidc.usecases.ts';
import { createSsoRepository, type SsoRepository } from '../sso/sso.repository.ts';
import type { SsoUsecases } from '../sso/sso.usecases.ts';
import { createSsoUsecases } from '../sso/sso.usecases.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import { localDay, startOfLocalDay } from '../time/format.ts';
import type { ViewCounter } from '../topnews/views.ts';
import { createViewCounter } from '../topnews/views.ts';
import { subscribeWebhooks, type WebhookQueue } from '../webhooks/queue.ts';
import { createWebhooksRepository, type WebhooksRepository } from '../webhooks/webhooks.repository.ts';

// The core: storage, the event bus, repositories and the features' services,
// with no HTTP in it. The HTTP server (http/app.ts), the parley command
// (cli/), the background jobs (jobs/) and the tests all start from here, so
// that there is one way to put Parley together.

export interface ServicesOptions {
  /** an already open storage (tests); otherwise opened from the config and closed with the services */
  storage?: Storage;
  now?: () => Date;
  imageStore?: ImageStore;
  /** tests use cheaper argon2 parameters; production uses OWASP's */
  passwords?: PasswordHasher;
  fetch?: typeof fetch;
  pipeline?: ModerationPipeline;
  /** PostgreSQL LISTEN/NOTIFY channel and connection (tests use one per run) */
  busChannel?: string;
  busConnectionString?: string;
  /** the process's logger; by default JSON lines on standard output at the configured level */
  log?: Logger;
}

/**
 * Everything a door (HTTP, CLI, jobs, tests) may hand to a feature. Routes and
 * use cases declare the few they use with Pick<Services, ...>. Repositories
 * are the only writers of their tables; the rest is shared machinery.
 */
export interface Services {
  config: Config;
  log: Logger;
  storage: Storage;
  /** events between features and, on PostgreSQL, between instances */
  bus: Bus;
  /** the clock (tests fix it) */
  now: () => Date;

  // repositories: each the only writer of its tables
  sitesRepository: SitesRepository;
  usersRepository: UsersRepository;
  sessionsRepository: SessionsRepository;
  tokensRepository: TokensRepository;
  outboxRepository: OutboxRepository;
  ssoRepository: SsoRepository;
  articlesRepository: ArticlesRepository;
  newsroomRepository: NewsroomRepository;
  liveblogsRepository: LiveblogsRepository;
  storiesRepository: StoriesRepository;
  commentsRepository: CommentsRepository;
  notificationsRepository: NotificationsRepository;
  importsRepository: ImportsRepository;
  /** moderators' decisions and authors' appeals on comments */
  commentDecisionsRepository: CommentDecisionsRepository;
  guidelinesRepository: GuidelinesRepository;
  moderationRepository: ModerationRepository;
  webhooksRepository: WebhooksRepository;

  // shared machinery
  siteResolver: SiteResolver;
  auth: Auth;
  passwords: PasswordHasher;
  mailer: Mailer;
  /** the community guidelines: every comment's decision */
  guidelines: ModerationPipeline;
  /** each site's guidelines under its saved policy, and its spam marks */
  policyCache: PolicyCache;
  /** the moderators' decisions as examples, and the sites' own models */
  learningRepository: LearningRepository;
  pageCache: PageCache;
  liveHub: LiveHub;
  views: ViewCounter;
  widget: Widget;
  /** new comments per reader and minute, on this instance */
  commentsRateLimiter: RateLimiter;
  /** links to claim older comments per reader and hour, on this instance */
  claimsRateLimiter: RateLimiter;
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
  return Object.assign(services, {
    async close() {
      services.liveHub.close();
      await services.views.flush().catch(() => {});
      await services.webhookQueue.settle();
      services.webhookQueue.stop();
      if ('close' in services.bus) await (services.bus as { close(): Promise<void> }).close();
      if (!options.storage) await storage.close();
    },
  });
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
  // One instance: events stay in the process. On PostgreSQL, instances share them.
  const bus: Bus =
    storage.engine === 'postgres' && (options.busChannel || config.databaseUrl)
      ? await createPostgresBus({
          connectionString: options.busConnectionString ?? config.databaseUrl!,
          channel: options.busChannel ?? 'parley_events',
        })
      : createInProcessBus();
  const secret = await loadSecret(storage.db, 'signing', config.secret, now().toISOString());

  const sites = createSitesRepository(storage);
  const siteResolver = createSiteResolver({ sites, defaultSiteId: config.defaultSiteId });
  const users = createUsersRepository(storage);
  const sessionsRepo = createSessionsRepository(storage);
  const tokens = createTokensRepository(storage);
  const outbox = createOutboxRepository(storage);
  const ssoRepo = createSsoRepository(storage);
  const articles = createArticlesRepository(storage);
  const liveblogs = createLiveblogsRepository(storage);
  const newsroomRepo = createNewsroomRepository(storage);
  const stories = createStoriesRepository(storage);
  const commentsRepo = createCommentsRepository(storage);
  const moderateRepo = createModerationRepository(storage);
  const passwords = options.passwords ?? createPasswordHasher();
  const mailer = createMailer({ outbox, smtpUrl: config.smtpUrl, from: config.mailFrom, now });
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};

  const notificationsRepo = createNotificationsRepository(storage);
  const importsRepo = createImportsRepository(storage);
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
  const guidelinesRepository = createGuidelinesRepository(storage);
  // The committed models, read now: a broken file stops the start, and the first comment does not wait.
  loadModels();
  const learningRepository = createLearningRepository(storage);
  const policyCache = createPolicyCache({ guidelinesRepository, learningRepository, now });
  // The community guidelines decide every comment; tests may put a pipeline of their own in.
  const pipeline = options.pipeline ?? createSitePipeline({ policyCache, guidelinesRepository, now });
  // What the comments' functions need where features still built as objects call them.
  const commentsDeps = {
    commentsRepository: commentsRepo,
    storiesRepository: stories,
    notificationsRepository: notificationsRepo,
    usersRepository: users,
    mailer,
    bus,
    now,
    log,
  };
  // Image files: on disk beside the database unless the caller gives a store (tests: memory).
  const images = createImagesUsecases({
    db: storage.db,
    store: options.imageStore ?? createDiskImageStore(join(config.dataDir, 'images')),
    now,
  });
  const views = createViewCounter({ newsroom: newsroomRepo, now, salt: secret });
  // Today's reading and commenting, for Top News: the day in the site's zone.
  const activity = (site: Site) =>
    newsroomRepo.activity(site.id, localDay(now(), site.timeZone), startOfLocalDay(now(), site.timeZone).toISOString());
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

  const webhooksRepository = createWebhooksRepository(storage);
  const webhookQueue = subscribeWebhooks({ bus, webhooksRepository, onError: reportError('queueing webhooks failed') });

  const services: Omit<Services, 'close'> = {
    config,
    log,
    storage,
    bus,
    now,
    sitesRepository: sites,
    siteResolver,
    articlesRepository: articles,
    liveblogsRepository: liveblogs,
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
    usersRepository: users,
    sessionsRepository: sessionsRepo,
    tokensRepository: tokens,
    passwords,
    sessions: sessionsUsecases,
    accounts,
    external: createExternalUsecases({ users, tokens, sessions: sessionsUsecases, accounts, passwords, mailer, now }),
    auth,
    mailer,
    outboxRepository: outbox,
    ssoRepository: ssoRepo,
    ssoTokens: createSsoUsecases({ sso: ssoRepo, now }),
    oidc: createOidcUsecases({ sso: ssoRepo, secret, now, ...fetchOption }),
    storiesRepository: stories,
    commentsRepository: commentsRepo,
    notificationsRepository: notificationsRepo,
    importsRepository: importsRepo,
    commentsRateLimiter: createRateLimiter({
      limit: config.commentsPerMinute,
      windowMs: 60_000,
      now: () => now().getTime(),
    }),
    claimsRateLimiter: createRateLimiter({ limit: 5, windowMs: 3_600_000, now: () => now().getTime() }),
    guidelines: pipeline,
    policyCache,
    learningRepository,
    guidelinesRepository,
    commentDecisionsRepository: createCommentDecisionsRepository(storage),
    moderationRepository: moderateRepo,
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
    newsroomRepository: newsroomRepo,
    liveHub,
    views,
    images,
    webhooksRepository,
    webhookQueue,
  };

  // Caches follow the content: every instance hears every change on the bus.
  bus.subscribe((event) => {
    if (event.type === 'content.changed') {
      pageCache.invalidateSite(event.siteId);
      siteResolver.forget();
    } else if (event.type === 'comment.changed') {
      // Only the story's own page shows its comments.
      try {
        pageCache.invalidate(`${event.siteId}|${new URL(event.storyUrl).pathname}`);
      } catch {
        // an embed story of another site: no page of ours to refresh
      }
    } else if (event.type === 'guidelines.changed') {
      policyCache.forget(event.siteId);
    }
  });
  return services;
}
