import type { Mailer } from '../mail/mailer.ts';
import { randomToken, sha256 } from '../shared/crypto.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import { accountExport } from './account-export.ts';
import { accountErrors as E } from './accounts.errors.ts';
import {
  addressChangedMail,
  addressTakenMail,
  alreadyRegisteredMail,
  confirmNewAddressMail,
  passwordResetMail,
  verificationMail,
} from './accounts.mail.ts';
import { lockedUntilAfter, lockRemainingMs } from './login-throttle.ts';
import { type PasswordHasher, passwordProblem } from './passwords.ts';
import type { RequestContext, SessionsUsecases } from './sessions.usecases.ts';
import type { TokensRepository } from './tokens.repository.ts';
import type { User, UsersRepository } from './users.repository.ts';
import { normaliseDisplayName, normaliseEmail } from './validation.ts';

export interface AccountsDeps {
  users: UsersRepository;
  tokens: TokensRepository;
  sessions: SessionsUsecases;
  passwords: PasswordHasher;
  mailer: Mailer;
  now: () => Date;
  /** whether the site takes no registrations of its own (publisher sign-on only) */
  signOnOnly: (siteId: string) => Promise<boolean>;
  /** an address was proved: the reader's comments from the previous platform become theirs */
  onEmailVerified?: (user: User) => Promise<unknown>;
}

const HOUR = 3_600_000;
export const DELETION_GRACE_DAYS = 14;
const NAME_CHANGE_INTERVAL_MS = 24 * HOUR;
const EMAIL_FAILURES_ALLOWED = 5;
const IP_FAILURES_ALLOWED = 30;

export function createAccountsUsecases(deps: AccountsDeps) {
  const { users, tokens, passwords, mailer } = deps;
  const iso = () => deps.now().toISOString();
  // Verifying against this makes a login for an unknown address take as long as a real one.
  const dummyHash = passwords.hash(randomToken());

  async function issueToken(
    site: Site,
    userId: string | null,
    purpose: string,
    ttlMs: number,
    payload: Record<string, unknown> = {},
  ): Promise<string> {
    const token = randomToken();
    const now = deps.now();
    await tokens.insert({
      idHash: sha256(token),
      siteId: site.id,
      userId,
      purpose,
      payload,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    });
    return token;
  }

  async function consume(site: Site, token: string, purpose: string) {
    const t = await tokens.consume(sha256(token), purpose, iso());
    if (!t || t.siteId !== site.id) throw new AppError(E.TOKEN_INVALID);
    return t;
  }

  async function sendVerification(site: Site, user: User): Promise<void> {
    if (!user.email) return;
    const token = await issueToken(site, user.id, 'verify_email', 48 * HOUR, { email: user.email });
    await mailer.send({ siteId: site.id, ...verificationMail(site, user.email, user.displayName, token) });
  }

  /**
   * Every attempt counts as a failure before the password is checked (atomically, on every
   * instance), and locks the key if it is one too many; a right password takes it back.
   */
  async function attempt(siteId: string, key: string, allowed: number) {
    const locks = Array.from({ length: allowed + 8 }, (_, i) => lockedUntilAfter(i + 1, allowed, deps.now()));
    const counted = await tokens.throttleAttempt(siteId, key, iso(), locks);
    const wait = counted ? 0 : lockRemainingMs((await tokens.throttleGet(siteId, key))?.lockedUntil, deps.now());
    return { key, counted, wait };
  }

  function requirePassword(password: string, site: Site, who: { email: string | null; displayName: string }): void {
    const problem = passwordProblem(password, { email: who.email, displayName: who.displayName, siteName: site.name });
    if (problem) throw new AppError(E.PASSWORD_WEAK, problem);
  }

  return {
    sendVerification,
    issueToken,
    consume,

    /**
     * The answer is the same whether or not the address already has an account:
     * the difference goes to the address's owner by e-mail, never to the screen.
     */
    async register(site: Site, input: { email: string; displayName: string; password: string }): Promise<void> {
      if (await deps.signOnOnly(site.id)) throw new AppError(E.REGISTRATION_DISABLED);
      const email = normaliseEmail(input.email);
      if (!email) throw new AppError(E.EMAIL_INVALID);
      const displayName = normaliseDisplayName(input.displayName);
      if (!displayName) throw new AppError(E.DISPLAY_NAME_INVALID);
      requirePassword(input.password, site, { email, displayName });

      // Hashed before asking whether the address is taken: both answers take the same time.
      const hash = await passwords.hash(input.password);
      const existing = await users.getByEmail(site.id, email);
      if (existing) {
        await mailer.send({ siteId: site.id, ...alreadyRegisteredMail(site, email) });
        return;
      }
      const id = newId();
      try {
        await users.insert({
          id,
          siteId: site.id,
          email,
          emailVerified: false,
          displayName,
          passwordHash: hash,
          createdAt: iso(),
        });
      } catch (err) {
        // Two registrations of one address at once: the loser behaves like "existing".
        if (await users.getByEmail(site.id, email)) return;
        throw err;
      }
      const user = await users.get(id);
      if (user) await sendVerification(site, user);
    },

    async verifyEmail(site: Site, token: string): Promise<User> {
      const t = await consume(site, token, 'verify_email');
      const user = t.userId ? await users.get(t.userId) : undefined;
      // The address may have changed since the link was sent: only the one it was sent to is verified.
      if (!user || user.email !== t.payload.email) throw new AppError(E.TOKEN_INVALID);
      await users.update(user.id, { emailVerified: true });
      await deps.onEmailVerified?.({ ...user, emailVerified: true });
      return { ...user, emailVerified: true };
    },

    async login(
      site: Site,
      input: { email: string; password: string },
      ctx: RequestContext,
    ): Promise<{ user: User; cookie: string }> {
      if (await deps.signOnOnly(site.id)) throw new AppError(E.REGISTRATION_DISABLED);
      const email = normaliseEmail(input.email) ?? input.email.trim().toLowerCase().slice(0, 254);
      const emailKey = `email:${email}`;
      const ipKey = `ip:${ctx.ip}`;
      const [byEmail, byIp] = await Promise.all([
        attempt(site.id, emailKey, EMAIL_FAILURES_ALLOWED),
        attempt(site.id, ipKey, IP_FAILURES_ALLOWED),
      ]);
      const wait = Math.max(byEmail.wait, byIp.wait);
      if (!byEmail.counted || !byIp.counted) {
        for (const a of [byEmail, byIp])
          if (a.counted) await tokens.throttleRelease(site.id, a.key, a.counted.lockedUntil);
        throw new AppError(
          E.LOGIN_THROTTLED,
          `Too many attempts to log in. Please try again in ${Math.ceil(Math.max(wait, 1000) / 60_000)} minute(s).`,
          { retryAfterSeconds: Math.ceil(Math.max(wait, 1000) / 1000) },
        );
      }
      const user = await users.getByEmail(site.id, email);
      // Without an account the same hash work is done, so that timing tells nothing.
      const ok = user?.passwordHash
        ? await passwords.verify(user.passwordHash, input.password)
        : await passwords.verify(await dummyHash, input.password).then(() => false);
      if (!user || !ok) throw new AppError(E.LOGIN_FAILED);
      await tokens.throttleClear(site.id, emailKey);
      await tokens.throttleRelease(site.id, ipKey, byIp.counted.lockedUntil);
      await users.update(user.id, { lastLoginAt: iso() });
      const { cookie } = await deps.sessions.create(user, ctx);
      return { user, cookie };
    },

    async requestPasswordReset(site: Site, rawEmail: string): Promise<void> {
      const email = normaliseEmail(rawEmail);
      if (!email) throw new AppError(E.EMAIL_INVALID);
      const user = await users.getByEmail(site.id, email);
      if (!user) return;
      const token = await issueToken(site, user.id, 'reset_password', HOUR);
      await mailer.send({ siteId: site.id, ...passwordResetMail(site, email, user.displayName, token) });
    },

    /** A new password logs the account out everywhere: whoever knew the old one is out. */
    async resetPassword(site: Site, token: string, password: string): Promise<User> {
      const t = await tokens.peek(sha256(token));
      const user = t?.userId ? await users.get(t.userId) : undefined;
      if (!user || t?.purpose !== 'reset_password') throw new AppError(E.TOKEN_INVALID);
      requirePassword(password, site, user);
      await consume(site, token, 'reset_password');
      await users.update(user.id, { passwordHash: await passwords.hash(password), emailVerified: true });
      await deps.sessions.revokeAllFor(user.id);
      if (user.email) await tokens.throttleClear(site.id, `email:${user.email}`);
      return user;
    },

    async changePassword(
      site: Site,
      user: User,
      current: string,
      next: string,
      keepSessionHash: string,
    ): Promise<void> {
      if (user.passwordHash && !(await passwords.verify(user.passwordHash, current)))
        throw new AppError(E.PASSWORD_WRONG);
      requirePassword(next, site, user);
      await users.update(user.id, { passwordHash: await passwords.hash(next) });
      await deps.sessions.revokeAllFor(user.id, keepSessionHash);
    },

    async requestEmailChange(site: Site, user: User, rawEmail: string, password: string): Promise<void> {
      if (user.passwordHash && !(await passwords.verify(user.passwordHash, password)))
        throw new AppError(E.PASSWORD_WRONG);
      const email = normaliseEmail(rawEmail);
      if (!email) throw new AppError(E.EMAIL_INVALID);
      if (await users.getByEmail(site.id, email)) {
        await mailer.send({ siteId: site.id, ...addressTakenMail(site, email) });
        return;
      }
      const token = await issueToken(site, user.id, 'change_email', 24 * HOUR, { email });
      await mailer.send({ siteId: site.id, ...confirmNewAddressMail(site, email, user.displayName, token) });
    },

    async confirmEmailChange(site: Site, token: string): Promise<User> {
      const t = await consume(site, token, 'change_email');
      const user = t.userId ? await users.get(t.userId) : undefined;
      const email = typeof t.payload.email === 'string' ? t.payload.email : undefined;
      if (!user || !email) throw new AppError(E.TOKEN_INVALID);
      if (await users.getByEmail(site.id, email))
        throw new AppError(E.TOKEN_INVALID, 'That address has been taken by another account in the meantime.');
      const old = user.email;
      await users.update(user.id, { email, emailVerified: true });
      await deps.onEmailVerified?.({ ...user, email, emailVerified: true });
      if (old) {
        await mailer.send({ siteId: site.id, ...addressChangedMail(site, old, user.displayName, email) });
      }
      return { ...user, email, emailVerified: true };
    },

    async changeDisplayName(user: User, raw: string): Promise<User> {
      const name = normaliseDisplayName(raw);
      if (!name) throw new AppError(E.DISPLAY_NAME_INVALID);
      if (name === user.displayName) return user;
      const now = deps.now();
      if (user.nameChangedAt && now.getTime() - new Date(user.nameChangedAt).getTime() < NAME_CHANGE_INTERVAL_MS) {
        const next = new Date(new Date(user.nameChangedAt).getTime() + NAME_CHANGE_INTERVAL_MS);
        throw new AppError(E.DISPLAY_NAME_TOO_SOON, undefined, { nextChangeAt: next.toISOString() });
      }
      await users.update(user.id, { displayName: name, nameChangedAt: now.toISOString() });
      return { ...user, displayName: name, nameChangedAt: now.toISOString() };
    },

    /** Deletion waits out a grace period; logging in and cancelling keeps the account. */
    async requestDeletion(user: User, mode: 'delete' | 'anonymise', password: string | undefined): Promise<string> {
      if (user.passwordHash && !(await passwords.verify(user.passwordHash, password ?? '')))
        throw new AppError(E.PASSWORD_WRONG);
      await users.update(user.id, { deletionRequestedAt: iso(), deletionMode: mode });
      return new Date(deps.now().getTime() + DELETION_GRACE_DAYS * 86_400_000).toISOString();
    },

    async cancelDeletion(user: User): Promise<void> {
      await users.update(user.id, { deletionRequestedAt: null, deletionMode: null });
    },

    /**
     * Deletes the accounts whose grace period is over. Comments follow the
     * reader's choice once comments exist (the comments feature hooks in here).
     */
    async purgeDeletions(onDelete: (user: User) => Promise<void> = async () => {}): Promise<number> {
      const cutoff = new Date(deps.now().getTime() - DELETION_GRACE_DAYS * 86_400_000).toISOString();
      const due = await users.dueForDeletion(cutoff, 500);
      for (const user of due) {
        await onDelete(user);
        await users.delete(user.id);
      }
      return due.length;
    },

    async exportData(user: User, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      const identities = await users.listIdentities(user.id);
      const sessions = await deps.sessions.list(user.id);
      return accountExport({ user, identities, sessions, exportedAt: iso() }, extra);
    },
  };
}

export type AccountsUsecases = ReturnType<typeof createAccountsUsecases>;
