import { readFileSync } from 'node:fs';

// What `parley --help` and `parley <command> --help` print. Every command has
// its usage, what it does and examples; every environment variable that
// changes what Parley does is listed (a test reads src/config/ and bin/ for
// them), and so are the exit codes.

export interface CommandHelp {
  name: string;
  /** the arguments and options, after the name */
  usage: string;
  summary: string;
  details?: string;
  examples: string[];
  /** prints what it reports as one JSON document with --json */
  json?: boolean;
}

export const commands: CommandHelp[] = [
  {
    name: 'start',
    usage: '[--demo]',
    summary: 'migrate the database and serve the site (--demo: add the demo site on first start)',
    details: 'Runs the background jobs too (digests, scheduled publishing, page views, webhooks).',
    examples: ['parley start --demo', 'PORT=3000 DATABASE_URL=postgres://parley@db/parley parley start'],
  },
  {
    name: 'migrate',
    usage: '[--json]',
    summary: 'bring the database schema up to date, then exit',
    examples: ['parley migrate', 'parley migrate --json   # {"applied":["0010_webhooks"],"upToDate":false}'],
    json: true,
  },
  {
    name: 'seed-demo',
    usage: '[--json]',
    summary: 'add the demo site if it is not there yet, then exit',
    examples: ['parley seed-demo'],
    json: true,
  },
  {
    name: 'user create',
    usage: '--email E --name N [--role reader|moderator|editor|admin] [--password P] [--site demo] [--json]',
    summary: 'create an account, e.g. the first admin',
    details: 'Without --password a strong one is made and printed once.',
    examples: ['parley user create --email ada@example.org --name "Ada" --role admin'],
    json: true,
  },
  {
    name: 'sso configure',
    usage:
      '--algorithm HS256 --secret S | --algorithm RS256|ES256 (--public-key-file F | --jwks-url U)\n        [--audience A] [--issuer I] [--sign-on-only] [--login-url U] [--site demo]',
    summary: "set a site's publisher sign-on",
    examples: ['parley sso configure --algorithm HS256 --secret "$(openssl rand -base64 48)"'],
  },
  {
    name: 'oidc add',
    usage: '--name N --label L --issuer URL --client-id ID [--client-secret S] [--site demo]',
    summary: 'add an OpenID Connect provider',
    examples: [
      'parley oidc add --name google --label Google --issuer https://accounts.google.com --client-id ID --client-secret S',
    ],
  },
  {
    name: 'comments configure',
    usage:
      '[--allowed-origins https://a,https://b] [--max-length 5000] [--edit-minutes 10]\n        [--reaction-label Respect] [--auto-close-days N|0] [--close-all | --open-all] [--site demo]',
    summary: "set a site's comment rules; prints them as JSON",
    examples: ['parley comments configure --allowed-origins https://www.example.org --auto-close-days 14'],
  },
  {
    name: 'moderate',
    usage: '[--site SITE | --policy FILE]',
    summary: 'JSON lines {"id","text"} in, one decision line out each',
    details:
      "The default policy, a policy FILE (any subset of the settings, see docs/guidelines.md) or a site's saved policy (--site reads the database).",
    examples: ['echo \'{"id":"1","text":"Nice piece."}\' | parley moderate'],
  },
  {
    name: 'import',
    usage: 'FORMAT FILE [--site demo] [--dry-run] [--url-map FILE] [--json]',
    summary: "import another platform's comments; streamed, idempotent, resumable",
    details:
      'FORMAT: disqus, wordpress, commento, remark42, jsonl (docs/import-formats.md). A progress bar on a terminal, nothing otherwise.',
    examples: ['parley import disqus export.xml --dry-run', 'parley import wordpress comments.xml --site daily'],
    json: true,
  },
  {
    name: 'export',
    usage: '--format jsonl|disqus [--site demo]',
    summary: 'every comment of the site, streamed to standard output',
    examples: ['parley export --format jsonl > comments.jsonl'],
  },
  {
    name: 'guidelines models',
    usage: '[--site demo] [--json]',
    summary: "the site's own models (version, examples, active)",
    examples: ['parley guidelines models --json'],
    json: true,
  },
  {
    name: 'guidelines train',
    usage: '[--site demo] [--json]',
    summary: "adapt the shipped model to the moderators' decisions (at least 40); prints what it would change",
    details: 'The new model is stored, not turned on: see guidelines activate.',
    examples: ['parley guidelines train'],
    json: true,
  },
  {
    name: 'guidelines activate',
    usage: 'VERSION|shipped [--site demo] [--json]',
    summary: 'turn a model on for every instance (shipped: the model Parley ships)',
    examples: ['parley guidelines activate 3', 'parley guidelines activate shipped'],
    json: true,
  },
  {
    name: 'guidelines restore',
    usage: '[--site demo] [--json]',
    summary: 'back to the model that was on before',
    examples: ['parley guidelines restore'],
    json: true,
  },
  {
    name: 'maintenance',
    usage: '[--json]',
    summary: 'delete accounts past their grace period, forget expired sessions',
    examples: ['parley maintenance'],
    json: true,
  },
  { name: 'help', usage: '[COMMAND]', summary: 'this text, or one command’s', examples: ['parley help import'] },
];

export const environment: [name: string, meaning: string][] = [
  ['PORT', 'port to listen on (8080)'],
  ['HOST', 'address to listen on (0.0.0.0)'],
  ['PARLEY_DATA_DIR', 'folder of the embedded database and images (./data)'],
  ['DATABASE_URL', 'postgres://… to use PostgreSQL instead'],
  ['PARLEY_PUBLIC_URL', 'public address of the demo site (http://localhost:PORT)'],
  ['PARLEY_DEFAULT_SITE', 'site served to unknown hosts (demo)'],
  ['PARLEY_PAGE_MAX_AGE', 'seconds a proxy may cache an anonymous page (60)'],
  ['PARLEY_TRUST_PROXY', 'trust X-Forwarded-* headers (false)'],
  ['PARLEY_SECRET', 'signing secret, at least 32 characters (made and kept in the database)'],
  ['PARLEY_COMMENTS_PER_MINUTE', 'new comments per reader and minute (10)'],
  ['SMTP_URL', 'smtp://… or smtps://… to send mail (unset: mail stays in the outbox)'],
  ['PARLEY_MAIL_FROM', 'the From of mail (Parley <no-reply@localhost>)'],
  ['PARLEY_WEBSUB_HUB', 'WebSub hub pinged when feeds change (none)'],
  ['PARLEY_PURGE_URL', 'CDN purge hook: POSTed {"keys":[…]} when pages change (none)'],
  ['PARLEY_SHUTDOWN_GRACE', 'seconds a stopping instance waits for work in flight (10)'],
  ['LOG_LEVEL', 'fatal, error, warn, info, debug, trace or silent (info)'],
  ['PARLEY_NODE_HOME', 'where bin/parley.js keeps the Node.js 24 it fetches (XDG_CACHE_HOME or ~/.cache)'],
  ['XDG_CACHE_HOME', 'the user cache folder, as above (~/.cache)'],
];

export const exitCodes: [code: number, meaning: string][] = [
  [0, 'done'],
  [1, 'the command failed (the message says why)'],
  [2, 'unknown command or option'],
  [65, 'the import file is not valid (EX_DATAERR)'],
  [66, 'a file named on the command line cannot be read (EX_NOINPUT)'],
  [69, 'Node.js 24 could not be found or fetched (EX_UNAVAILABLE)'],
  [78, 'a setting in the environment is not valid (EX_CONFIG)'],
];

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const pad = (s: string, n: number) => (s.length >= n ? `${s}\n${' '.repeat(n + 2)}` : s.padEnd(n));

export function globalHelp(): string {
  // Short usages stand beside their command ("start [--demo]"); long ones are in the command's help.
  const named = (c: CommandHelp) => (`${c.name} ${c.usage}`.length < 20 ? `${c.name} ${c.usage}` : c.name);
  const list = commands.map((c) => `  ${pad(named(c), 20)} ${c.summary}`).join('\n');
  const env = environment.map(([n, m]) => `  ${n.padEnd(27)} ${m}`).join('\n');
  const codes = exitCodes.map(([c, m]) => `  ${String(c).padEnd(4)} ${m}`).join('\n');
  return `parley ${version()}: a news site with the conversation built in

Usage: parley <command> [options]
       parley <command> --help     that command's usage and examples
       parley --version

Commands:
${list}

Options of every command: --help (-h); --json where a command reports (its help says).

Configuration is read from the environment:
${env}

Exit codes:
${codes}
`;
}

/** A command's report: a line for people, or with --json one JSON document for programs. */
export function report(json: unknown, text: string, data: unknown): 0 {
  console.log(json === true ? JSON.stringify(data) : text);
  return 0;
}

export function commandHelp(name: string): string | undefined {
  const c = commands.find((x) => x.name === name);
  const group = commands.filter((x) => x.name.startsWith(`${name} `));
  if (!c && group.length)
    return `Usage: parley ${name} <${group.map((g) => g.name.slice(name.length + 1)).join('|')}> [options]\n\n${group
      .map((g) => `  ${pad(g.name, 20)} ${g.summary}`)
      .join('\n')}\n\nparley ${group[0]!.name} --help: one of them in full.\n`;
  if (!c) return undefined;
  return `Usage: parley ${c.name} ${c.usage}

${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.${c.details ? `\n${c.details}` : ''}
${c.json ? '\n--json prints what the command reports as one JSON document on standard output.\n' : ''}
Examples:
${c.examples.map((e) => `  ${e}`).join('\n')}

Environment: see parley --help.
`;
}
