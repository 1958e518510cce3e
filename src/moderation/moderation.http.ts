import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { sendPrivatePage } from '../http/replies.ts';
import type { Site } from '../sites/sites.repository.ts';
import { startOfLocalDay } from '../time/format.ts';

// What the workspace's routes share: moderators and admins only, and only on
// their own site (every lookup is scoped to the viewer's site).

export const STAFF = ['moderator', 'admin'] as const;
export const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
/** Items per page of a queue. */
export const PAGE = 25;
export const tags = ['moderate'];
export const noStore = { 'cache-control': 'private, no-store' };

/** What a page says after a form sent the moderator back to it. */
export const notices: Record<string, string> = {
  decided: 'Done.',
  sanctioned: 'The sanction is applied and the reader has been told.',
  noted: 'The note is saved.',
  conflict: 'Another moderator decided that comment first: the list shows what they decided.',
};

export const sendPage = sendPrivatePage;

export async function staff(auth: Services['auth'], request: FastifyRequest) {
  const viewer = await auth.requireUser(request, [...STAFF]);
  return { viewer, site: await auth.site(request) };
}

/** A workspace page's frame: the site's chrome with the moderator signed in, and a CSRF token for its forms. */
export async function staffPage(deps: Pick<Services, 'auth' | 'pages'>, request: FastifyRequest, reply: FastifyReply) {
  const { viewer, site } = await staff(deps.auth, request);
  const csrf = await deps.auth.csrfToken(request, reply);
  const c = await deps.pages.chrome(site);
  return {
    chrome: { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } },
    csrf,
    viewer,
    site,
    admin: viewer.user.role === 'admin',
  };
}

/** A suspension's date is a day in the site's zone; it ends as that day begins there. */
export function suspendedUntil(date: string | undefined, site: Site): string | undefined {
  return date ? startOfLocalDay(new Date(`${date}T12:00:00Z`), site.timeZone).toISOString() : undefined;
}
