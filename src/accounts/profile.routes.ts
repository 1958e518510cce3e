import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { emailModeOf } from '../notifications/notifications.usecases.ts';
import { AppError } from '../shared/errors.ts';
import { messagePage, type Notice } from './account.pages.ts';
import { accountErrors as E } from './accounts.errors.ts';
import { accountChrome, asNotice, Form, Str, send, TokenQuery } from './accounts.http.ts';
import { DELETION_GRACE_DAYS } from './accounts.usecases.ts';
import { profilePage } from './profile.pages.ts';
import { postingBlock } from './sanctions.ts';

/** The reader's profile and settings: name, address, password, devices, deletion, their data. */
export function profileRoutes(
  deps: Pick<
    Services,
    'accounts' | 'auth' | 'notificationsRepository' | 'now' | 'pages' | 'sessions' | 'usersRepository'
  >,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts } = deps;

    const profileNotices: Record<string, Notice> = {
      'verification-sent': { kind: 'info', text: 'We have sent the confirmation link again.' },
      'name-saved': { kind: 'info', text: 'Your display name is saved.' },
      'email-sent': { kind: 'info', text: 'Open the link we sent to the new address to finish the change.' },
      'email-changed': { kind: 'info', text: 'Your e-mail address is changed.' },
      'password-changed': { kind: 'info', text: 'Your password is changed, and your other devices are logged out.' },
      'session-ended': { kind: 'info', text: 'That device is logged out.' },
      'sessions-ended': { kind: 'info', text: 'Every other device is logged out.' },
      'deletion-scheduled': { kind: 'warning', text: `Your account will be deleted in ${DELETION_GRACE_DAYS} days.` },
      'deletion-cancelled': { kind: 'info', text: 'Your account will not be deleted.' },
      linked: { kind: 'info', text: 'The two sign-ins now lead to this one account.' },
      'notifications-saved': { kind: 'info', text: 'Your e-mail preference is saved.' },
    };

    async function renderProfile(request: FastifyRequest, reply: FastifyReply, status: number, extra: Notice[]) {
      const viewer = await auth.viewer(request);
      if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent('/account')}`, 303);
      const { chrome: c, csrf } = await accountChrome(deps, request, reply);
      const user = viewer.user;
      const list: Notice[] = [...extra];
      const block = postingBlock(user, deps.now());
      if (block && block.code !== 'DELETION_PENDING')
        list.unshift({
          kind: 'warning',
          text: `${block.message} You can still read and log in. To appeal, reply to the e-mail you received or contact the site.`,
        });
      const [sessions, identities, emailMode] = await Promise.all([
        deps.sessions.list(user.id),
        deps.usersRepository.listIdentities(user.id),
        emailModeOf(deps, user),
      ]);
      const deletionAt = user.deletionRequestedAt
        ? new Date(new Date(user.deletionRequestedAt).getTime() + DELETION_GRACE_DAYS * 86_400_000).toISOString()
        : null;
      return send(
        reply,
        status,
        profilePage(c, {
          user,
          csrf,
          sessions,
          currentSession: viewer.session.idHash,
          identities,
          notices: list,
          deletionAt,
          emailMode,
        }),
      );
    }

    app.get(
      '/account',
      { schema: { querystring: Type.Object({ notice: Type.Optional(Str(40)) }) } },
      async (request, reply) => {
        const n = request.query.notice ? profileNotices[request.query.notice] : undefined;
        return renderProfile(request, reply, 200, n ? [n] : []);
      },
    );

    // Settings forms: on a mistake, the profile comes back with the reason on top.
    function settingsRoute<B extends Record<string, ReturnType<typeof Type.String>>>(
      path: string,
      body: B,
      action: (request: FastifyRequest, b: Record<string, string>) => Promise<string>,
    ) {
      app.post(path, { schema: { body: Form(body) } }, async (request, reply) => {
        try {
          const notice = await action(request, request.body as Record<string, string>);
          return reply.redirect(`/account?notice=${notice}`, 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'NOT_LOGGED_IN') throw err;
          const { status, notice } = asNotice(err);
          return renderProfile(request, reply, status, [notice]);
        }
      });
    }

    settingsRoute('/account/name', { displayName: Str(200) }, async (request, b) => {
      const { user } = await auth.requireUser(request);
      await accounts.changeDisplayName(user, b.displayName ?? '');
      return 'name-saved';
    });

    settingsRoute(
      '/account/email',
      { email: Str(254), password: Type.Optional(Str()) as never },
      async (request, b) => {
        const { user } = await auth.requireUser(request);
        await accounts.requestEmailChange(await auth.site(request), user, b.email ?? '', b.password ?? '');
        return 'email-sent';
      },
    );

    settingsRoute(
      '/account/password',
      { current: Type.Optional(Str()) as never, password: Str() },
      async (request, b) => {
        const { user, session } = await auth.requireUser(request);
        await accounts.changePassword(
          await auth.site(request),
          user,
          b.current ?? '',
          b.password ?? '',
          session.idHash,
        );
        return 'password-changed';
      },
    );

    settingsRoute('/account/sessions/revoke-all', {}, async (request) => {
      const { user, session } = await auth.requireUser(request);
      await deps.sessions.revokeAllFor(user.id, session.idHash);
      return 'sessions-ended';
    });

    app.post(
      '/account/sessions/:publicId/revoke',
      { schema: { params: Type.Object({ publicId: Str(40) }) } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        if (!(await deps.sessions.revoke(user.id, request.params.publicId))) throw new AppError(E.SESSION_NOT_FOUND);
        return reply.redirect('/account?notice=session-ended', 303);
      },
    );

    settingsRoute(
      '/account/delete',
      {
        mode: Type.Union([Type.Literal('delete'), Type.Literal('anonymise')]) as never,
        password: Type.Optional(Str()) as never,
      },
      async (request, b) => {
        const { user, session } = await auth.requireUser(request);
        await accounts.requestDeletion(user, b.mode === 'delete' ? 'delete' : 'anonymise', b.password);
        await deps.sessions.revokeAllFor(user.id, session.idHash);
        return 'deletion-scheduled';
      },
    );

    settingsRoute('/account/delete/cancel', {}, async (request) => {
      const { user } = await auth.requireUser(request);
      await accounts.cancelDeletion(user);
      return 'deletion-cancelled';
    });

    app.get('/account/email/confirm', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      try {
        await accounts.confirmEmailChange(await auth.site(request), request.query.token);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c } = await accountChrome(deps, request, reply);
        return send(reply, status, messagePage(c, 'E-mail address not changed', [notice]));
      }
      if (await auth.viewer(request)) return reply.redirect('/account?notice=email-changed', 303);
      const { chrome: c } = await accountChrome(deps, request, reply);
      return send(reply, 200, messagePage(c, 'E-mail address changed', [profileNotices['email-changed']!]));
    });

    app.get('/account/data.json', async (request, reply) => {
      const { user } = await auth.requireUser(request);
      const data = await accounts.exportData(user);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="parley-${user.siteId}-${user.id}.json"`)
        .header('cache-control', 'private, no-store')
        .send(JSON.stringify(data, null, 2));
    });
  };
}
