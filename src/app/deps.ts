import type { ArticlesRepository } from '../articles/articles.repository.ts';
import type { AccountsUsecases } from '../accounts/accounts.usecases.ts';
import type { Auth } from '../accounts/auth.ts';
import type { ExternalUsecases } from '../accounts/external.usecases.ts';
import type { SessionsUsecases } from '../accounts/sessions.usecases.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { Config } from '../config/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OutboxRepository } from '../mail/outbox.repository.ts';
import type { OidcUsecases } from '../sso/oidc.usecases.ts';
import type { SsoRepository } from '../sso/sso.repository.ts';
import type { SsoUsecases } from '../sso/sso.usecases.ts';
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
  users: UsersRepository;
  sessionsUsecases: SessionsUsecases;
  accounts: AccountsUsecases;
  external: ExternalUsecases;
  auth: Auth;
  mailer: Mailer;
  outbox: OutboxRepository;
  ssoRepo: SsoRepository;
  ssoTokens: SsoUsecases;
  oidc: OidcUsecases;
}
