import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { commandHelp, globalHelp, report, version } from './help.ts';

// Help and the version answer at once: the rest of Parley is loaded only for
// the command that needs it.
const storageModule = () => import('../storage/database.ts');

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
  json: { type: 'boolean' },
  version: { type: 'boolean', short: 'V' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const [first = 'help', ...afterFirst] = argv;
  if (first === '--version' || first === '-V') {
    console.log(version());
    return 0;
  }
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
    if (positionals.length && !['import', 'guidelines activate', 'help'].includes(command))
      throw new Error(`unexpected argument: ${positionals[0]}`);
  } catch (err) {
    const own = commandHelp(command);
    console.error(`${(err as Error).message}\n\n${own ?? globalHelp()}`);
    return 2;
  }
  if (values.version) {
    console.log(version());
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h' || values.help) {
    // "parley import --help" and "parley help import" print that command's help.
    const topic = command === 'help' ? positionals.join(' ') : command.startsWith('-') ? '' : command;
    const own = topic ? commandHelp(topic) : undefined;
    if (topic && !own) {
      console.error(`unknown command: ${topic}\n\n${globalHelp()}`);
      return 2;
    }
    process.stdout.write(own ?? globalHelp());
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
      const { migrateToLatest, openStorage } = await storageModule();
      const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(storage);
        report(values.json, applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date', {
          applied,
          upToDate: applied.length === 0,
        });
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const { migrateToLatest, openStorage } = await storageModule();
      const { ensureDemo } = await import('../demo/ensure.ts');
      const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(storage);
        const created = await ensureDemo(storage, config);
        report(values.json, created ? 'demo site created' : 'the demo site already exists', { created });
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'start': {
      const { createServices } = await import('../core/services.ts');
      const { ensureDemo } = await import('../demo/ensure.ts');
      const { buildApp } = await import('../http/app.ts');
      const { parleyJobs, startJobs } = await import('../jobs/jobs.ts');
      const { demoLoginsFile, ensureDemoStaff, startBanner } = await import('../demo/accounts.ts');
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
      const { createServices } = await import('../core/services.ts');
      const { adminCommand } = await import('./admin-commands.ts');
      const { pino } = await import('pino');
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
      console.error(`unknown command: ${command}\n\n${globalHelp()}`);
      return 2;
  }
}
