import { after, before } from 'node:test';
import { createPasswordHasher } from '../accounts/passwords.ts';
import { createUsersRepository } from '../accounts/users.repository.ts';
import { createArticlesRepository } from '../articles/articles.repository.ts';
import { loadConfig } from '../config/config.ts';
import { createServices } from '../core/services.ts';
import { seedDemo } from '../demo/seed.ts';
import { savePolicy } from '../guidelines/guidelines.usecases.ts';
import type { ModerationPipeline } from '../guidelines/pipeline.ts';
import type { PolicyChanges } from '../guidelines/policy.ts';
import { createMemoryImageStore } from '../images/image-store.ts';
import { createLiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { createSitesRepository } from '../sites/sites.repository.ts';
import { migrateToLatest, openStorage, type Storage } from '../storage/database.ts';
import type { Role } from '../storage/schema.ts';
import type { EngineUnderTest } from '../storage/testing.ts';
import { createTopnewsRepository } from '../topnews/topnews.repository.ts';
import { type App, buildApp } from './app.ts';

/** Noon in India on a fixed day: page times in tests are exact. */
export const TEST_NOW = new Date('2026-06-15T06:30:00.000Z');
export const TEST_BASE_URL = 'https://news.test';

/** An app on a fresh in-memory database holding the demo site, with a fixed clock. */
// Argon2 at a fraction of OWASP's cost: the parameters are a setting, and the
// production setting is checked on its own (passwords.test.ts).
export const testPasswords = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export async function buildTestApp(
  options: {
    storage?: Storage;
    now?: () => Date;
    env?: Record<string, string>;
    fetch?: typeof fetch;
    pipeline?: ModerationPipeline;
    busChannel?: string;
    policy?: PolicyChanges;
  } = {},
): Promise<App> {
  const now = options.now ?? (() => TEST_NOW);
  const storage = options.storage ?? (await openStorage({ dataDir: ':memory:' }));
  await migrateToLatest(storage);
  await seedDemo(
    {
      sites: createSitesRepository(storage),
      articles: createArticlesRepository(storage),
      liveblogs: createLiveblogsRepository(storage),
      topnews: createTopnewsRepository(storage),
      now,
    },
    { baseUrl: TEST_BASE_URL },
  );
  const services = await createServices(loadConfig({ LOG_LEVEL: 'silent', ...options.env }), {
    storage,
    now,
    passwords: testPasswords,
    // On PostgreSQL the images live in the database, as in production.
    ...(storage.engine === 'postgres' ? {} : { imageStore: createMemoryImageStore() }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
    ...(options.busChannel ? { busChannel: options.busChannel } : {}),
  });
  const app = await buildApp(services);
  if (!options.storage) app.addHook('onClose', async () => storage.close());
  // A policy of the test's own, saved as the demo site's first version.
  if (options.policy)
    await savePolicy(app.services, { siteId: 'demo', baseVersion: 0, changes: options.policy, by: 'test' });
  return app;
}

/** The text of the first element matching a class, tags stripped: enough to check what a reader sees. */
export function textOf(html: string, className: string): string | undefined {
  const m = new RegExp(`class="${className}"[^>]*>([\\s\\S]*?)</(p|div|h1|section|ol|ul|span|a)>`).exec(html);
  return m?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
}

/** A user straight into the database, verified, with a known password. */
export async function createTestUser(
  app: App,
  input: { email: string; name?: string; password?: string; role?: Role; siteId?: string },
): Promise<string> {
  const id = newId();
  await createUsersRepository(app.services.storage).insert({
    id,
    siteId: input.siteId ?? 'demo',
    email: input.email,
    emailVerified: true,
    displayName:
      input.name ??
      input.email
        .split('@')[0]!
        .replace(/[^a-z]/gi, ' ')
        .trim()
        .padEnd(2, 'x'),
    passwordHash: await testPasswords.hash(input.password ?? 'correct horse battery'),
    role: input.role ?? 'reader',
    createdAt: new Date().toISOString(),
  });
  return id;
}

export interface AgentResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  json<T = any>(): T;
}

/**
 * A reader's browser, roughly: keeps cookies, and fills in the CSRF token of
 * the last page it loaded when it submits a form.
 */
export function agent(app: App, options: { userAgent?: string; ip?: string } = {}) {
  const jar = new Map<string, string>();
  let csrf = '';
  function remember(headers: Record<string, string | string[] | number | undefined>) {
    const set = headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : typeof set === 'string' ? [set] : []) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
  }
  function cookieHeader() {
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async function request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<AgentResponse> {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0',
      ...init.headers,
    };
    if (jar.size) headers.cookie = cookieHeader();
    let payload: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams({ _csrf: csrf, ...init.form }).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(init.json);
    }
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      remoteAddress: options.ip ?? '203.0.113.7',
    });
    remember(res.headers);
    const found = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (found?.[1]) csrf = found[1];
    return { status: res.statusCode, body: res.body, headers: res.headers, json: () => res.json() };
  }
  return {
    get: (url: string, headers?: Record<string, string>) => request('GET', url, headers ? { headers } : {}),
    post: (url: string, form: Record<string, string> = {}) => request('POST', url, { form }),
    api: (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      json?: unknown,
      headers?: Record<string, string>,
    ) => request(method, url, { ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) }),
    cookie: (name: string) => jar.get(name),
    cookieHeader,
    setCookie: (name: string, value: string) => jar.set(name, value),
    get csrf() {
      return csrf;
    },
    set csrf(v: string) {
      csrf = v;
    },
    async login(email: string, password = 'correct horse battery') {
      await request('GET', '/account/login');
      return request('POST', '/account/login', { form: { email, password } });
    },
  };
}

/** The newest mail sent to an address, and the first link in it. */
export async function lastMail(
  app: App,
  to: string,
): Promise<{ subject: string; text: string; link: string | undefined }> {
  const [mail] = await app.services.outboxRepository.list('demo', 1, to);
  if (!mail) throw new Error(`no mail to ${to}`);
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  return { subject: mail.subject, text: mail.text, link };
}

/** The path and query of an absolute link, for app.inject. */
export function pathOf(link: string | undefined): string {
  if (!link) throw new Error('no link');
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
}

/** A signed-in reader's browser, with the CSRF header its scripts would send. */
export async function signedInReader(app: App, email: string, name: string, role: Role = 'reader') {
  if (!(await createUsersRepository(app.services.storage).getByEmail('demo', email)))
    await createTestUser(app, { email, name, role });
  const a = agent(app);
  await a.login(email);
  const header = async () => ({ 'x-csrf-token': (await a.api('GET', '/api/auth/session')).json().csrfToken as string });
  return Object.assign(a, { csrfHeader: header, h: await header() });
}

export const DEMO_ARTICLE_PATH = '/world/island-nations-agree-to-reopen-fisheries-talks';

/** The comment story of the demo's international article (made by its first view). */
export async function demoArticleStoryId(app: App): Promise<string> {
  await app.inject({ url: DEMO_ARTICLE_PATH });
  const article = await app.services.articlesRepository.getPublishedBySlug(
    'demo',
    'island-nations-agree-to-reopen-fisheries-talks',
  );
  const story = await app.services.storiesRepository.getByKey('demo', `article:${article!.id}`);
  if (!story) throw new Error('the demo article has no story');
  return story.id;
}

/**
 * For a contract suite that goes through the whole app: a demo app on a fresh
 * database of the engine, opened before the suite's tests and closed after.
 */
export function appOnEngine(engine: EngineUnderTest): { readonly app: App; readonly storage: Storage } {
  let storage: Storage | undefined;
  let app: App | undefined;
  before(async () => {
    storage = await engine.open();
    app = await buildTestApp({ storage });
  });
  after(async () => {
    await app?.close();
    await storage?.close();
  });
  return {
    get app() {
      return app!;
    },
    get storage() {
      return storage!;
    },
  };
}

/** The error code a use case refuses with (it must refuse with an AppError). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code;
  }
  throw new Error('expected an error');
}
