// The contract is the code (#18): every operation in /api/openapi.json gets an
// operationId, tags, its security requirement and the error catalogue's 4xx
// answers, centrally, from the route table. A route may still say better in
// its own schema (operationId, tags, security): that wins.

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
type SecurityRequirement = Record<string, string[]>;

interface RouteLike {
  method: string | string[];
  url: string;
  config?: { csrf?: boolean } & Record<string, unknown>;
}

interface SchemaLike extends Record<string, unknown> {
  operationId?: string;
  tags?: string[];
  security?: SecurityRequirement[];
  hide?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const securitySchemes = {
  cookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'parley_session',
    description: 'The session cookie set by login. Unsafe methods also need the csrf header.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'The token from GET /api/auth/session, bound to the session cookie (or, before login, to the parley_csrf cookie). Not needed with a bearer token.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A token from POST /api/auth/token or /api/auth/embed-session.',
  },
} as const;

/** What src/http/errors.ts sends for every error. */
export const ErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'A stable code from the error catalogue, e.g. VALIDATION_FAILED.' },
        message: { type: 'string', description: 'A human message; may change.' },
        details: { description: 'Extra facts for some codes, e.g. the failed fields of VALIDATION_FAILED.' },
      },
    },
  },
} as const;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export const errorResponses = {
  BadRequest: errorResponse('The request is not valid (VALIDATION_FAILED, BODY_MALFORMED, …).'),
  Unauthorized: errorResponse('Sign-in is needed (NOT_LOGGED_IN).'),
  Forbidden: errorResponse('Not allowed: the role does not suffice (FORBIDDEN) or the CSRF token is wrong.'),
  NotFound: errorResponse('Nothing lives at this address, or the thing named does not exist.'),
  TooManyRequests: errorResponse('Rate limited (RATE_LIMITED).'),
} as const;

const SIGNED_IN_UNSAFE: SecurityRequirement[] = [{ cookie: [], csrf: [] }, { bearer: [] }];
const SIGNED_IN_SAFE: SecurityRequirement[] = [{ cookie: [] }, { bearer: [] }];
const OPTIONAL: SecurityRequirement[] = [{}, { cookie: [] }, { bearer: [] }];
const OPTIONAL_UNSAFE: SecurityRequirement[] = [{ csrf: [] }, { cookie: [], csrf: [] }, { bearer: [] }];

// Routes that do not call auth.requireUser although their method or address
// suggests it. Everything else under /api/admin and /api/me, every unsafe
// method and the GETs listed in SIGNED_IN_GETS require a signed-in user; other
// GETs work for anyone and say more to a signed-in reader.
const NO_SIGN_IN = new Set([
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/sso',
  'POST /api/views',
]);
const SIGNED_IN_GETS = new Set(['GET /api/stories/{id}/follow']);

/** Fastify's `:id` becomes OpenAPI's `{id}`. */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** `POST /api/stories/{id}/comments` → `postApiStoriesIdComments`. */
export function operationIdFor(method: string, url: string): string {
  const words = [method.toLowerCase(), ...openapiPath(url).split(/[^A-Za-z0-9]+/)].filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** The first path segment after /api, e.g. `stories`; `/api/admin/x/…` → `admin`. */
export function tagFor(url: string): string {
  return openapiPath(url).split('/').filter(Boolean)[1] ?? 'api';
}

export function securityFor(method: string, url: string, csrf: boolean): SecurityRequirement[] {
  const key = `${method} ${openapiPath(url)}`;
  const unsafe = UNSAFE.has(method);
  if (NO_SIGN_IN.has(key)) return !unsafe || !csrf ? [] : OPTIONAL_UNSAFE;
  const path = openapiPath(url);
  const signedIn =
    unsafe ||
    SIGNED_IN_GETS.has(key) ||
    path === '/api/me' ||
    path.startsWith('/api/me/') ||
    path.startsWith('/api/admin/');
  if (!signedIn) return OPTIONAL;
  return unsafe && csrf ? SIGNED_IN_UNSAFE : SIGNED_IN_SAFE;
}

/** For @fastify/swagger's `transform`: fills in operationId, tags and security. */
export function describeRoute({ schema, url, route }: { schema?: SchemaLike; url: string; route: RouteLike }) {
  if (!url.startsWith('/api/')) return { schema: { ...(schema ?? {}), hide: true }, url };
  if (schema?.hide) return { schema, url };
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
  const method = (methods[0] ?? 'GET') as Method;
  const csrf = route.config?.csrf !== false;
  return {
    schema: {
      ...(schema ?? {}),
      operationId: schema?.operationId ?? operationIdFor(method, url),
      tags: schema?.tags?.length ? schema.tags : [tagFor(url)],
      security: schema?.security ?? securityFor(method, url, csrf),
    },
    url,
  };
}

interface Operation {
  security?: SecurityRequirement[];
  responses?: Record<string, unknown>;
}

/** For @fastify/swagger's `transformObject`: the shared Error schema and each operation's 4xx answers. */
export function addErrorResponses({ openapiObject }: { openapiObject: Record<string, unknown> }) {
  const doc = openapiObject as {
    components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
    paths?: Record<string, Record<string, Operation>>;
  };
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, Error: ErrorSchema };
  doc.components.responses = { ...doc.components.responses, ...errorResponses };
  const ref = (name: keyof typeof errorResponses) => ({ $ref: `#/components/responses/${name}` });
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!UNSAFE.has(method.toUpperCase()) && method !== 'get') continue;
      const security = op.security ?? [];
      // anonymous when some alternative proves no identity (only a CSRF token, or nothing)
      const mayBeAnonymous = security.length === 0 || security.some((s) => !('cookie' in s) && !('bearer' in s));
      const needsCsrf = security.some((s) => 'csrf' in s);
      const errors: Record<string, unknown> = { 400: ref('BadRequest') };
      if (!mayBeAnonymous) errors[401] = ref('Unauthorized');
      if (!mayBeAnonymous || needsCsrf || path.startsWith('/api/admin/')) errors[403] = ref('Forbidden');
      errors[404] = ref('NotFound');
      errors[429] = ref('TooManyRequests');
      // a route's own schema for a status stays
      op.responses = { ...errors, ...op.responses };
    }
  }
  return openapiObject;
}
