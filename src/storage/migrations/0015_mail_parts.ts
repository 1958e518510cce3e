import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// Mail keeps its HTML part and its list headers (List-Unsubscribe, List-Id), so
// the outbox shows what was sent and a mail sent later from it is the same.
export function mailParts(_engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').addColumn('html_body', 'text').execute();
      await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
    },
  };
}
