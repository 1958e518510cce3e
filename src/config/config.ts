import { resolve } from 'node:path';

// Configuration comes from the environment only, and is checked in full at
// start: a publisher sees every bad value at once, each with what was expected.

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  defaultSiteId: string;
  /** public URL of the demo site when it is first created; defaults to http://localhost:PORT */
  publicUrl: string | undefined;
  /** seconds a proxy may serve an anonymous page without asking again */
  pageMaxAge: number;
  trustProxy: boolean;
  /** smtp://user:pass@host:port; without it mail stays in the outbox (/admin/outbox) */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** root of every signing key; without it one is made and kept in the database */
  secret: string | undefined;
  /** comments one reader may post per minute on one instance */
  commentsPerMinute: number;
  /** a WebSub hub told about new and updated articles (feeds name it); none by default */
  websubHub: string | undefined;
  /** a URL Parley POSTs {"keys": [...]} to when pages go stale, for a CDN's purge; none by default */
  purgeUrl: string | undefined;
  /** how long a stopping instance waits for requests and work in flight before it exits */
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Parley cannot start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  }

  function flag(name: string, fallback: boolean): boolean {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  }

  function url(name: string, protocols: string[]): string | undefined {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      problems.push(
        `${name}="${redact(raw)}" must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      );
      return undefined;
    }
  }

  const port = integer('PORT', 8080, 0, 65535);
  const pageMaxAge = integer('PARLEY_PAGE_MAX_AGE', 60, 0, 86400);
  const logLevelRaw = env.LOG_LEVEL || 'info';
  if (!(logLevels as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL="${logLevelRaw}" must be one of ${logLevels.join(', ')}`);
  }
  const defaultSiteId = env.PARLEY_DEFAULT_SITE || 'demo';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(defaultSiteId)) {
    problems.push(`PARLEY_DEFAULT_SITE="${defaultSiteId}" must be lower-case letters, digits and hyphens`);
  }
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.PARLEY_DATA_DIR || './data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    logLevel: (logLevels as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as Config['logLevel']) : 'info',
    defaultSiteId,
    publicUrl: url('PARLEY_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    pageMaxAge,
    trustProxy: flag('PARLEY_TRUST_PROXY', false),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.PARLEY_MAIL_FROM || 'Parley <no-reply@localhost>',
    secret: env.PARLEY_SECRET || undefined,
    commentsPerMinute: integer('PARLEY_COMMENTS_PER_MINUTE', 10, 1, 1_000_000),
    websubHub: url('PARLEY_WEBSUB_HUB', ['http:', 'https:']),
    purgeUrl: url('PARLEY_PURGE_URL', ['http:', 'https:']),
    shutdownGraceMs: integer('PARLEY_SHUTDOWN_GRACE', 10, 0, 3600) * 1000,
  };
  if (config.secret !== undefined && config.secret.length < 32) {
    problems.push('PARLEY_SECRET must be at least 32 characters (for example: openssl rand -base64 48)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

// Never print a database password back into a log.
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
