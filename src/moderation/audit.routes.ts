import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { accountErrors } from '../accounts/accounts.errors.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { readAuditLog } from './audit.usecases.ts';
import { dashboardView } from './dashboard.pages.ts';
import { loadDashboard } from './dashboard.usecases.ts';
import { noStore, sendPage, staff, staffPage, tags } from './moderation.http.ts';
import { auditPage, moderationPage } from './moderation.pages.ts';

// What the moderators did: the audit log (admins) and the dashboard.

const AUDIT_PAGE = 100;

export function moderationAuditRoutes(
  deps: Pick<Services, 'auth' | 'pages' | 'moderationRepository' | 'now'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    app.get(
      '/admin/moderate/audit',
      {
        schema: {
          querystring: Type.Object({ before: Type.Optional(Type.String({ maxLength: 40, format: 'date-time' })) }),
        },
      },
      async (request, reply) => {
        const { chrome, site, viewer } = await staffPage(deps, request, reply);
        if (viewer.user.role !== 'admin')
          throw new AppError(accountErrors.FORBIDDEN, 'Only admins can read the audit log.');
        const { before } = request.query;
        const entries = await readAuditLog(deps, site, { limit: AUDIT_PAGE, ...(before ? { before } : {}) });
        const next =
          entries.length === AUDIT_PAGE
            ? `/admin/moderate/audit?before=${encodeURIComponent(entries.at(-1)!.created_at)}`
            : null;
        return sendPage(reply, auditPage(chrome, entries, next));
      },
    );

    app.get('/admin/moderate/dashboard', async (request, reply) => {
      const { chrome, site, admin } = await staffPage(deps, request, reply);
      const d = await loadDashboard(deps, site);
      return sendPage(reply, moderationPage(chrome, 'Moderation dashboard', dashboardView(d), admin));
    });

    app.get(
      '/api/admin/moderate/audit',
      {
        schema: {
          tags,
          summary: 'The audit log (admins)',
          querystring: Type.Object({
            before: Type.Optional(Type.String({ maxLength: 40, format: 'date-time' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          }),
        },
      },
      async (request, reply) => {
        await auth.requireUser(request, ['admin']);
        const site = await auth.site(request);
        reply.headers(noStore);
        const { before, limit } = request.query;
        return {
          entries: await readAuditLog(deps, site, { limit: limit ?? AUDIT_PAGE, ...(before ? { before } : {}) }),
        };
      },
    );

    app.get('/api/admin/moderate/dashboard', { schema: { tags } }, async (request, reply) => {
      const { site } = await staff(auth, request);
      reply.headers(noStore);
      return loadDashboard(deps, site);
    });
  };
}
