import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query anew; preparing costs about as much as running
 * a small query. The same SQL text comes back constantly (parameters are
 * bound, not inlined), so prepared statements are kept, least recently used
 * first out. better-sqlite3 is synchronous, so a statement is never in use
 * twice at once.
 */
function withStatementCache(raw: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = raw.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function connectSqlite(filename: string): { db: Kysely<Database>; raw: BetterSqlite3.Database } {
  const raw = new BetterSqlite3(filename);
  // WAL lets readers run beside the single writer; synchronous=NORMAL in WAL mode
  // still never loses a committed transaction on a process crash (only on power
  // loss), which is the durability promise an acknowledged write needs here.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) as never }) });
  return { db, raw };
}
