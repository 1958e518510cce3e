import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createServices } from '../core/services.ts';
import { demoLoginsFile, ensureDemoStaff, startBanner } from '../demo/accounts.ts';
import { ensureDemo } from '../demo/ensure.ts';
import { buildApp } from '../http/app.ts';
import { parleyJobs, startJobs } from '../jobs/jobs.ts';
import { migrateToLatest, openStorage } from '../storage/database.ts';
import { adminCommand } from './admin-commands.ts';
import { guidelinesHelp } from './guidelines.ts';

const help = `parley: a news site with the conversation built in

Usage: parley <command> [options]

Commands:
  start [--demo]   migrate the database and serve the site (--demo: add the
                   demo site on first start)
  migrate          bring the database schema up to date, then exit
  seed-demo        add the demo site if it is not there yet, then exit
  user create      create an account, e.g. the first admin:
                   --email a@b.c --name "Ada" --role admin [--password P] [--site demo]
                   (without --password a strong one is made and printed once)
  sso configure    set a site's publisher sign-on:
                   --algorithm HS256 --secret S | --algorithm RS256 (--public-key-file F | --jwks-url U)
                   [--audience A] [--issuer I] [--sign-on-only] [--login-url U] [--site demo]
  oidc add         add an OpenID Connect provider:
                   --name N --label L --issuer URL --client-id ID [--client-secret S] [--site demo]
  comments configure
                   set a site's comment rules: [--allowed-origins https://a,https://b]
                   [--max-length 2000] [--edit-minutes 10] [--reaction-label Respect]
                   [--auto-close-days N | --auto-close-days 0] [--close-all | --open-all] [--site demo]
  moderate [--site SITE | --policy FILE]
                   JSON lines {"id","text"} in, one decision line out each; the default
                   policy, a policy FILE (any subset of the settings, see docs/guidelines.md)
                   or a site's saved policy (--site reads the database)
  import FORMAT FILE [--site demo] [--dry-run] [--url-map FILE]
                   import another platform's comments (disqus, wordpress, commento, remark42,
                   jsonl: docs/import-formats.md); streamed, idempotent, resumable
  export --format jsonl|disqus [--site demo]
                   every comment of the site, streamed to standard output
${guidelinesHelp}
  maintenance      delete accounts past their grace period, forget expired sessions
  help             this text

Configuration is read from the environment:
  PORT                 port to listen on (8080)
  HOST                 address to listen on (0.0.0.0)
  PARLEY_DATA_DIR      folder of the embedded database (./data)
  DATABASE_URL         postgres://… to use PostgreSQL instead
  PARLEY_PUBLIC_URL    public address of the demo site (http://localhost:PORT)
  PARLEY_DEFAULT_SITE  site served to unknown hosts (demo)
  PARLEY_PAGE_MAX_AGE  seconds a proxy may cache an anonymous page (60)
  PARLEY_TRUST_PROXY   trust X-Forwarded-* headers (false)
  PARLEY_PURGE_URL     CDN purge hook: POSTed {"keys":[…]} when pages change (none)
  LOG_LEVEL            fatal, error, warn, info, debug, trace or silent (info)
`;

const options = {
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  site: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  algorithm: { type: 'string' },
  secret: { type: 'string' },
  'public-key-file': { type: 'string' },
  'jwks-url': { type: 'string' },
  audience: { type: 'string' },
  issuer: { type: 'string' },
  'sign-on-only': { type: 'boolean' },
  'login-url': { type: 'string' },
  label: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'allowed-origins': { type: 'string' },
  'max-length': { type: 'string' },
  'edit-minutes': { type: 'string' },
  'reaction-label': { type: 'string' },
  'auto-close-days': { type: 'string' },
  'close-all': { type: 'boolean' },
  'open-all': { type: 'boolean' },
  policy: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'url-map': { type: 'string' },
  format: { type: 'string' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const [first = 'help', ...afterFirst] = argv;
  // Two-word commands ("user create") read as one.
  const twoWord =
    ['user', 'sso', 'oidc', 'comments', 'guidelines'].includes(first) &&
    afterFirst[0] &&
    !afterFirst[0].startsWith('-');
  const command = twoWord ? `${first} ${afterFirst[0]}` : first;
  const rest = twoWord ? afterFirst.slice(1) : afterFirst;
  let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: true }>>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true }));
    if (positionals.length && command !== 'import' && command !== 'guidelines activate')
      throw new Error(`unexpected argument: ${positionals[0]}`);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${help}`);
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h' || values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (command === 'moderate' && !values.site) {
    const { moderateCommand, readPolicyFile } = await import('./moderate.ts');
    try {
      return await moderateCommand(typeof values.policy === 'string' ? { policy: readPolicyFile(values.policy) } : {});
    } catch (err) {
      console.error((err as Error).message);
      return 66; // EX_NOINPUT
    }
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 78; // EX_CONFIG
    }
    throw err;
  }

  switch (command) {
    case 'migrate': {
      const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(storage);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(storage);
        console.log((await ensureDemo(storage, config)) ? 'demo site created' : 'the demo site already exists');
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'start': {
      const services = await createServices(config);
      if (values.demo && (await ensureDemo(services.storage, config, services.now, services.images)))
        services.log.info('demo site created');
      const app = await buildApp(services);
      const onJobError = (err: unknown, job: string) => services.log.error({ err }, `${job} failed`);
      const stopJobs = startJobs(parleyJobs(services), onJobError, services.background);
      const stop = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        stopJobs();
        // New requests get 503, event streams end, requests and work in flight finish; past the grace, exit anyway.
        setTimeout(() => process.exit(1), config.shutdownGraceMs + 2_000).unref();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      const embedded = !config.databaseUrl;
      const loginsFile = embedded ? demoLoginsFile(config.dataDir) : undefined;
      const logins = values.demo ? await ensureDemoStaff(services, { file: loginsFile }) : [];
      await app.listen({ port: config.port, host: config.host });
      const url = config.publicUrl ?? `http://localhost:${config.port}`;
      process.stdout.write(startBanner({ url, dataDir: embedded ? config.dataDir : null, logins, loginsFile }));
      return 0;
    }
    case 'user create':
    case 'sso configure':
    case 'oidc add':
    case 'comments configure':
    case 'maintenance':
    case 'guidelines models':
    case 'guidelines train':
    case 'guidelines activate':
    case 'guidelines restore':
    case 'import':
    case 'export':
    case 'moderate': {
      const services = await createServices(config, { log: pino({ level: 'warn' }) });
      try {
        return await adminCommand(
          command,
          { ...values, format: values.format ?? positionals[0], file: positionals[1] },
          services,
        );
      } catch (err) {
        console.error((err as Error).message);
        return 1;
      } finally {
        await services.close();
      }
    }
    default:
      console.error(`unknown command: ${command}\n\n${help}`);
      return 2;
  }
}
