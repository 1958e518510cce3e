import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Mailer } from '../mail/mailer.ts';
import { AppError } from '../shared/errors.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { Database } from '../storage/schema.ts';
import { importErrors as E } from './imports.errors.ts';
import { emailHash } from './imports.usecases.ts';

// Readers get their history back: a legacy author (the old platform's) is the
// reader's when the reader has proved the same e-mail address (verified here),
// or signs in through the publisher's sign-on with the old platform's user id
// as subject, or follows a link sent to the old address (when it is not the
// one they use now). Their imported comments then are the reader's own:
// "My comments" lists them, marked as from the previous platform.

interface Reader {
  id: string;
  siteId: string;
  email: string | null;
  emailVerified: boolean;
}

const CLAIM_TTL_MS = 24 * 3_600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createLegacyClaims(deps: { db: Kysely<Database>; now: () => Date; mailer?: Mailer }) {
  const { db } = deps;
  // Claim links are e-mails to addresses the reader names: a few an hour.
  const requests = createRateLimiter({ limit: 5, windowMs: 3_600_000, now: () => deps.now().getTime() });

  async function claim(user: Reader, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const at = deps.now().toISOString();
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('legacy_authors')
        .set({ user_id: user.id, claimed_at: at })
        .where('id', 'in', ids)
        .where('user_id', 'is', null)
        .execute();
      await tx
        .updateTable('comments')
        .set({ author_id: user.id })
        .where('legacy_author_id', 'in', ids)
        .where('author_id', 'is', null)
        .execute();
    });
    return ids.length;
  }

  const unclaimedByEmail = async (siteId: string, hash: string) =>
    (
      await db
        .selectFrom('legacy_authors')
        .select('id')
        .where('site_id', '=', siteId)
        .where('user_id', 'is', null)
        .where('email_hash', '=', hash)
        .execute()
    ).map((r) => r.id);

  return {
    /** After every sign-in and every proved address: what is provably the reader's becomes theirs. */
    async claimFor(user: Reader): Promise<number> {
      // Publisher sign-on only: its subject is the paper's own user id, which the old platform shared.
      const subjects = (
        await db
          .selectFrom('identities')
          .select('subject')
          .where('user_id', '=', user.id)
          .where('provider', '=', 'sso')
          .execute()
      ).map((r) => r.subject);
      const byEmail = user.email && user.emailVerified ? emailHash(user.email) : undefined;
      if (!byEmail && subjects.length === 0) return 0;
      const rows = await db
        .selectFrom('legacy_authors')
        .select('id')
        .where('site_id', '=', user.siteId)
        .where('user_id', 'is', null)
        .where((eb) =>
          eb.or([
            ...(byEmail ? [eb('email_hash', '=', byEmail)] : []),
            ...(subjects.length ? [eb('external_id', 'in', subjects)] : []),
          ]),
        )
        .execute();
      return claim(
        user,
        rows.map((r) => r.id),
      );
    },

    /**
     * The reader names the address they used on the old platform; if comments
     * were imported under it, a link goes there. The answer is the same either
     * way, so nobody learns which addresses commented.
     */
    async requestByEmail(site: Site, user: Reader, email: string): Promise<void> {
      if (requests.hit(user.id) > 0) throw new AppError(E.CLAIM_RATE_LIMITED);
      const address = email.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new AppError(E.CLAIM_EMAIL_INVALID);
      const hash = emailHash(address);
      if ((await unclaimedByEmail(site.id, hash)).length === 0 || !deps.mailer) return;
      const token = randomBytes(24).toString('base64url');
      const now = deps.now();
      await db
        .insertInto('account_tokens')
        .values({
          id_hash: sha256(token),
          site_id: site.id,
          user_id: user.id,
          purpose: 'claim_legacy',
          payload: JSON.stringify({ emailHash: hash }),
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + CLAIM_TTL_MS).toISOString(),
        })
        .execute();
      await deps.mailer.send({
        siteId: site.id,
        to: address,
        subject: `Your older comments on ${site.name}`,
        text: `Someone signed in to ${site.name} asked to add the comments written under this address on our previous commenting platform to their account.\n\nIf that was you, follow this link while signed in (it works for 24 hours):\n\n${site.baseUrl.replace(/\/+$/, '')}/account/legacy/claim?token=${token}\n\nIf it was not you, ignore this message: nothing changes.\n`,
      });
    },

    /** The link from the old address, followed by the signed-in reader who asked for it. */
    async confirm(site: Site, user: Reader, token: string): Promise<number> {
      const at = deps.now().toISOString();
      const r = await db
        .updateTable('account_tokens')
        .set({ used_at: at })
        .where('id_hash', '=', sha256(token))
        .where('purpose', '=', 'claim_legacy')
        .where('site_id', '=', site.id)
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('payload')
        .executeTakeFirst();
      if (!r) throw new AppError(E.CLAIM_LINK_INVALID);
      const { emailHash: hash } = JSON.parse(r.payload) as { emailHash: string };
      return claim(user, await unclaimedByEmail(site.id, hash));
    },
  };
}

export type LegacyClaims = ReturnType<typeof createLegacyClaims>;
