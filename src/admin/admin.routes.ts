import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { accountErrors as E } from '../accounts/accounts.errors.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { Role } from '../storage/schema.ts';
import { startOfLocalDay } from '../time/format.ts';
import { outboxPage, usersPage } from './admin.pages.ts';
import { backofficeHome } from './frame.ts';

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const csrf = { _csrf: Type.Optional(Type.String()) };

// Admin pages: who the readers are and what they may do. Each route states
// who may use it; the user acted on must belong to the admin's own site.
export function adminRoutes(
  deps: Pick<Services, 'auth' | 'mailer' | 'now' | 'outboxRepository' | 'pages' | 'sessions' | 'usersRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, usersRepository: users, pages } = deps;

    async function admin(request: FastifyRequest) {
      const viewer = await auth.requireUser(request, ['admin']);
      return viewer;
    }

    async function target(request: FastifyRequest & { params: { id: string } }) {
      const viewer = await admin(request);
      const user = await users.get(request.params.id);
      if (!user || user.siteId !== viewer.user.siteId) throw new AppError(E.USER_NOT_FOUND);
      return { viewer, user };
    }

    async function chrome(request: FastifyRequest, reply: FastifyReply) {
      const viewer = await admin(request);
      const csrfToken = await auth.csrfToken(request, reply);
      const c = await pages.chrome(await auth.site(request));
      return {
        chrome: { ...c, viewer: { displayName: viewer.user.displayName, csrf: csrfToken, role: viewer.user.role } },
        csrf: csrfToken,
        viewer,
      };
    }

    const notices: Record<string, string> = {
      role: 'The role is saved.',
      suspended: 'The reader is suspended.',
      banned: 'The reader is banned.',
      lifted: 'The sanction is lifted.',
    };

    app.get(
      '/admin/users',
      {
        schema: {
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 100 })),
            notice: Type.Optional(Type.String({ maxLength: 20 })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          }),
        },
      },
      async (request, reply) => {
        const { chrome: c, csrf: token, viewer } = await chrome(request, reply);
        const search = request.query.q?.trim() ?? '';
        const page = request.query.page ?? 1;
        const list = await users.list({
          siteId: viewer.user.siteId,
          ...(search ? { search } : {}),
          limit: 50,
          offset: (page - 1) * 50,
        });
        const notice = request.query.notice ? notices[request.query.notice] : undefined;
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(usersPage(c, token, list, { search, ...(notice ? { notice } : {}) }).value);
      },
    );

    app.post(
      '/admin/users/:id/role',
      {
        schema: {
          params: Id,
          body: Type.Object({
            role: Type.Union([
              Type.Literal('reader'),
              Type.Literal('moderator'),
              Type.Literal('editor'),
              Type.Literal('admin'),
            ]),
            ...csrf,
          }),
        },
      },
      async (request, reply) => {
        const { user, viewer } = await target(request);
        // An admin cannot remove their own admin role: a site must never lose its last admin by accident.
        if (user.id === viewer.user.id && request.body.role !== 'admin')
          throw new AppError(E.FORBIDDEN, 'You cannot take away your own admin role.');
        if (user.role !== request.body.role) {
          await users.update(user.id, { role: request.body.role as Role });
          // A change of privilege ends the user's sessions: they sign in again, under the new role.
          await deps.sessions.revokeAllFor(user.id);
        }
        return reply.redirect('/admin/users?notice=role', 303);
      },
    );

    app.post(
      '/admin/users/:id/suspend',
      {
        schema: {
          params: Id,
          body: Type.Object({
            until: Type.String({ format: 'date' }),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            ...csrf,
          }),
        },
      },
      async (request, reply) => {
        const { user } = await target(request);
        const site = await auth.site(request);
        // The date is a day in the site's zone; the suspension ends as that day begins there.
        const until = startOfLocalDay(new Date(`${request.body.until}T12:00:00Z`), site.timeZone).toISOString();
        if (until <= deps.now().toISOString()) throw new AppError(E.FORBIDDEN, 'A suspension must end in the future.');
        await users.update(user.id, {
          status: 'suspended',
          sanctionUntil: until,
          sanctionReason: request.body.reason,
          sanctionedAt: deps.now().toISOString(),
        });
        return reply.redirect('/admin/users?notice=suspended', 303);
      },
    );

    app.post(
      '/admin/users/:id/ban',
      { schema: { params: Id, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }), ...csrf }) } },
      async (request, reply) => {
        const { user, viewer } = await target(request);
        if (user.id === viewer.user.id) throw new AppError(E.FORBIDDEN, 'You cannot ban yourself.');
        await users.update(user.id, {
          status: 'banned',
          sanctionUntil: null,
          sanctionReason: request.body.reason,
          sanctionedAt: deps.now().toISOString(),
        });
        return reply.redirect('/admin/users?notice=banned', 303);
      },
    );

    app.post('/admin/users/:id/lift', { schema: { params: Id, body: Type.Object(csrf) } }, async (request, reply) => {
      const { user } = await target(request);
      await users.update(user.id, { status: 'active', sanctionUntil: null, sanctionReason: null });
      return reply.redirect('/admin/users?notice=lifted', 303);
    });

    /** The "Admin" link: the first back-office page the viewer's role may open. */
    app.get('/admin', async (request, reply) => {
      const viewer = await auth.requireUser(request, ['moderator', 'editor', 'admin']);
      return reply.redirect(backofficeHome(viewer.user.role) ?? '/', 303);
    });

    app.get('/admin/outbox', async (request, reply) => {
      const { chrome: c, viewer } = await chrome(request, reply);
      const mails = await deps.outboxRepository.list(viewer.user.siteId, 200);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(outboxPage(c, mails, deps.mailer.delivers).value);
    });
  };
}
