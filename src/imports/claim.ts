import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { emailHash } from './imports.usecases.ts';

// Readers get their history back: a legacy author (the old platform's) is the
// reader's when the reader has proved the same e-mail address (verified here),
// or signs in through the publisher's sign-on with the old platform's user id
// as subject. Their imported comments then are the reader's own: "My comments"
// lists them, marked as from the previous platform.

export function createLegacyClaims(deps: { db: Kysely<Database>; now: () => Date }) {
  const { db } = deps;
  return {
    async claimFor(user: { id: string; siteId: string; email: string | null; emailVerified: boolean }): Promise<number> {
      // Publisher sign-on only: its subject is the paper's own user id, which the old platform shared.
      const subjects = (await db.selectFrom('identities').select('subject').where('user_id', '=', user.id).where('provider', '=', 'sso').execute()).map((r) => r.subject);
      const byEmail = user.email && user.emailVerified ? emailHash(user.email) : undefined;
      if (!byEmail && subjects.length === 0) return 0;
      const q = db
        .selectFrom('legacy_authors')
        .select('id')
        .where('site_id', '=', user.siteId)
        .where('user_id', 'is', null)
        .where((eb) => eb.or([...(byEmail ? [eb('email_hash', '=', byEmail)] : []), ...(subjects.length ? [eb('external_id', 'in', subjects)] : [])]));
      const ids = (await q.execute()).map((r) => r.id);
      if (ids.length === 0) return 0;
      const at = deps.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('legacy_authors').set({ user_id: user.id, claimed_at: at }).where('id', 'in', ids).where('user_id', 'is', null).execute();
        await tx.updateTable('comments').set({ author_id: user.id }).where('legacy_author_id', 'in', ids).where('author_id', 'is', null).execute();
      });
      return ids.length;
    },
  };
}
