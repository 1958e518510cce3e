import type { Mailer } from '../mail/mailer.ts';
import { sha256 } from '../shared/crypto.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import { accountErrors as E } from './accounts.errors.ts';
import type { AccountsUsecases } from './accounts.usecases.ts';
import type { PasswordHasher } from './passwords.ts';
import type { RequestContext, SessionsUsecases } from './sessions.usecases.ts';
import type { TokensRepository } from './tokens.repository.ts';
import type { User, UsersRepository } from './users.repository.ts';
import { normaliseDisplayName } from './validation.ts';

/** Who a publisher's sign-on or an OpenID provider says the reader is. */
export interface ExternalProfile {
  /** 'sso' or 'oidc:<provider>' */
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  avatarUrl: string | null;
  badges: string[];
}

export interface ExternalDeps {
  users: UsersRepository;
  tokens: TokensRepository;
  sessions: SessionsUsecases;
  accounts: AccountsUsecases;
  passwords: PasswordHasher;
  mailer: Mailer;
  now: () => Date;
}

const LINK_TTL_MS = 30 * 60_000;

export function createExternalUsecases(deps: ExternalDeps) {
  const { users } = deps;
  const iso = () => deps.now().toISOString();

  /** Later tokens keep the profile in step: name, picture, badges, verified address. */
  async function sync(user: User, p: ExternalProfile): Promise<User> {
    const name = p.name ? normaliseDisplayName(p.name) : undefined;
    const changes = {
      ...(name && name !== user.displayName ? { displayName: name } : {}),
      ...(p.avatarUrl !== user.avatarUrl ? { avatarUrl: p.avatarUrl } : {}),
      ...(JSON.stringify(p.badges) !== JSON.stringify(user.badges) ? { badges: p.badges } : {}),
      ...(p.email && p.emailVerified && p.email === user.email && !user.emailVerified ? { emailVerified: true } : {}),
      lastLoginAt: iso(),
    };
    await users.update(user.id, changes);
    return { ...user, ...changes };
  }

  async function link(user: User, p: ExternalProfile, ctx: RequestContext) {
    await users.insertIdentity({
      id: newId(),
      siteId: user.siteId,
      userId: user.id,
      provider: p.provider,
      subject: p.subject,
      email: p.email,
      createdAt: iso(),
      lastLoginAt: iso(),
    });
    const synced = await sync(user, p);
    const { cookie } = await deps.sessions.create(synced, ctx);
    return { user: synced, cookie };
  }

  async function linkTarget(site: Site, token: string) {
    const t = await deps.tokens.peek(sha256(token));
    if (
      !t ||
      t.siteId !== site.id ||
      t.usedAt ||
      t.expiresAt <= iso() ||
      !t.userId ||
      !t.purpose.startsWith('link_identity')
    )
      throw new AppError(E.TOKEN_INVALID);
    const user = await users.get(t.userId);
    if (!user) throw new AppError(E.TOKEN_INVALID);
    return { token: t, user, profile: t.payload.profile as ExternalProfile };
  }

  return {
    /**
     * Signs in whoever the provider vouches for: the linked account, or a new
     * one. An existing account with the same address is never taken over
     * silently: its owner must agree (password, or a link sent to the address).
     */
    async signIn(site: Site, p: ExternalProfile, ctx: RequestContext): Promise<{ user: User; cookie: string }> {
      const identity = await users.findIdentity(site.id, p.provider, p.subject);
      if (identity) {
        const user = await users.get(identity.userId);
        if (user) {
          await users.touchIdentity(identity.id, iso(), p.email);
          const synced = await sync(user, p);
          const { cookie } = await deps.sessions.create(synced, ctx);
          return { user: synced, cookie };
        }
      }
      const existing = p.email ? await users.getByEmail(site.id, p.email) : undefined;
      if (existing) {
        const token = await deps.accounts.issueToken(site, existing.id, 'link_identity', LINK_TTL_MS, { profile: p });
        throw new AppError(E.ACCOUNT_LINK_REQUIRED, undefined, {
          linkToken: token,
          linkUrl: `/account/link?token=${token}`,
          email: existing.email,
        });
      }
      const id = newId();
      await users.insert({
        id,
        siteId: site.id,
        // An unverified address is not kept: it could block its real owner from registering.
        email: p.email && p.emailVerified ? p.email : null,
        emailVerified: Boolean(p.email && p.emailVerified),
        displayName: (p.name && normaliseDisplayName(p.name)) || 'Reader',
        passwordHash: null,
        avatarUrl: p.avatarUrl,
        badges: p.badges,
        createdAt: iso(),
      });
      const user = await users.get(id);
      if (!user) throw new Error('user vanished after insert');
      return link(user, p, ctx);
    },

    async describeLink(
      site: Site,
      token: string,
    ): Promise<{ email: string | null; provider: string; hasPassword: boolean }> {
      const { user, profile } = await linkTarget(site, token);
      return { email: user.email, provider: profile.provider, hasPassword: Boolean(user.passwordHash) };
    },

    async linkWithPassword(site: Site, token: string, password: string, ctx: RequestContext) {
      const { user, profile } = await linkTarget(site, token);
      if (!user.passwordHash || !(await deps.passwords.verify(user.passwordHash, password)))
        throw new AppError(E.PASSWORD_WRONG);
      await deps.accounts.consume(site, token, 'link_identity');
      return link(user, profile, ctx);
    },

    async sendLinkEmail(site: Site, token: string): Promise<void> {
      const { user, profile } = await linkTarget(site, token);
      if (!user.email) throw new AppError(E.TOKEN_INVALID);
      await deps.accounts.consume(site, token, 'link_identity');
      const confirm = await deps.accounts.issueToken(site, user.id, 'link_identity_confirm', 24 * 3_600_000, {
        profile,
      });
      await deps.mailer.send({
        siteId: site.id,
        to: user.email,
        subject: `Link your sign-in to your ${site.name} account`,
        text: `Hello ${user.displayName},\n\nYou signed in to ${site.name} another way with this e-mail address. To link that sign-in to your existing account, open:\n\n${site.baseUrl.replace(/\/+$/, '')}/account/link/confirm?token=${confirm}\n\nIf this was not you, ignore this message and nothing will change.\n`,
      });
    },

    async confirmLink(site: Site, token: string, ctx: RequestContext) {
      const { user, profile } = await linkTarget(site, token);
      await deps.accounts.consume(site, token, 'link_identity_confirm');
      return link(user, profile, ctx);
    },
  };
}

export type ExternalUsecases = ReturnType<typeof createExternalUsecases>;
