import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function createSecretsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * The stored value of a named secret; the given one is stored only if none
     * is yet (insert-or-keep, so instances starting together agree).
     */
    async keepFirst(name: string, value: string, createdAt: string): Promise<string> {
      await db
        .insertInto('secrets')
        .values({ name, value, created_at: createdAt })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

export type SecretsRepository = ReturnType<typeof createSecretsRepository>;
