import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { hmac, randomToken } from './crypto.ts';

/**
 * A named secret shared by every app instance. PARLEY_SECRET, when set, is the
 * root of all of them; otherwise one is made on first start and kept in the
 * database (insert-or-keep, so instances starting together agree).
 */
export async function loadSecret(
  db: Kysely<Database>,
  name: string,
  rootSecret: string | undefined,
  now: string,
): Promise<string> {
  if (rootSecret) return hmac(rootSecret, name);
  await db
    .insertInto('secrets')
    .values({ name, value: randomToken(48), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
