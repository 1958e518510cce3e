import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import type { Chrome } from '../pages/layout.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import type { SafeHtml } from '../shared/html.ts';
import type { RateLimiter } from '../shared/rate-limit.ts';
import type { Notice } from './account.pages.ts';

// What the account pages' routes share. Their forms answer with a page, not
// JSON: a mistake comes back as a notice on the form it was made in.

export const Form = <T extends Record<string, ReturnType<typeof Type.String>>>(fields: T) =>
  Type.Object({ ...fields, _csrf: Type.Optional(Type.String()) });
export const Str = (max = 1024) => Type.String({ maxLength: max });
export const TokenQuery = Type.Object({ token: Type.String({ maxLength: 200 }) });

export function send(reply: FastifyReply, status: number, page: SafeHtml) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(page.value);
}

/** A known error becomes a notice on the page; anything else stays an error. */
export function asNotice(err: unknown): { status: number; notice: Notice } {
  if (err instanceof AppError) return { status: err.status, notice: { kind: 'error', text: err.message } };
  throw err;
}

export const requestContext = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/** The site's chrome, with the reader when signed in, and a CSRF token for the page's forms. */
export async function accountChrome(
  deps: Pick<Services, 'auth' | 'pages'>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ chrome: Chrome; csrf: string }> {
  const { auth } = deps;
  const site = await auth.site(request);
  const [c, viewer, csrf] = await Promise.all([
    deps.pages.chrome(site),
    auth.viewer(request),
    auth.csrfToken(request, reply),
  ]);
  return {
    chrome: viewer ? { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } } : c,
    csrf,
  };
}

export function limit(limiter: RateLimiter, key: string) {
  const wait = limiter.hit(key);
  if (wait > 0)
    throw new AppError(
      commonErrors.RATE_LIMITED,
      `Too many requests from your network. Please try again in ${Math.ceil(wait / 60_000)} minute(s).`,
    );
}
