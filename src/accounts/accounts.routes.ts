import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listMyComments } from '../comments/threads.usecases.ts';
import type { Services } from '../core/services.ts';
import { emailModeOf } from '../notifications/notifications.usecases.ts';
import type { Chrome } from '../pages/layout.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import { forgotPage, linkPage, loginPage, messagePage, type Notice, registerPage, resetPage } from './account.pages.ts';
import { accountErrors as E } from './accounts.errors.ts';
import { DELETION_GRACE_DAYS } from './accounts.usecases.ts';
import { safeReturnPath } from './auth.ts';
import { myCommentsPage, profilePage } from './profile.pages.ts';
import { postingBlock } from './sanctions.ts';

const Form = <T extends Record<string, ReturnType<typeof Type.String>>>(fields: T) =>
  Type.Object({ ...fields, _csrf: Type.Optional(Type.String()) });
const Str = (max = 1024) => Type.String({ maxLength: max });
const TokenQuery = Type.Object({ token: Type.String({ maxLength: 200 }) });

function send(reply: FastifyReply, status: number, page: SafeHtml) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(page.value);
}

function asNotice(err: unknown): { status: number; notice: Notice } {
  if (err instanceof AppError) return { status: err.status, notice: { kind: 'error', text: err.message } };
  throw err;
}

export function accountsRoutes(
  deps: Pick<
    Services,
    | 'accounts'
    | 'auth'
    | 'commentsRepository'
    | 'external'
    | 'notificationsRepository'
    | 'now'
    | 'oidc'
    | 'pages'
    | 'sessions'
    | 'ssoRepository'
    | 'usersRepository'
  >,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, accounts, external, pages, ssoRepository: sso, oidc } = deps;
    // Per network address, per instance: slows a script without bothering people.
    const registrations = createRateLimiter({ limit: 10, windowMs: 3_600_000 });
    const resets = createRateLimiter({ limit: 5, windowMs: 3_600_000 });
    const ctx = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });

    async function chrome(request: FastifyRequest, reply: FastifyReply): Promise<{ chrome: Chrome; csrf: string }> {
      const site = await auth.site(request);
      const [c, viewer, csrf] = await Promise.all([
        pages.chrome(site),
        auth.viewer(request),
        auth.csrfToken(request, reply),
      ]);
      return {
        chrome: viewer ? { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } } : c,
        csrf,
      };
    }

    function limit(limiter: ReturnType<typeof createRateLimiter>, key: string) {
      const wait = limiter.hit(key);
      if (wait > 0)
        throw new AppError(
          commonErrors.RATE_LIMITED,
          `Too many requests from your network. Please try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        );
    }

    async function loginOptions(siteId: string) {
      const [settings, providers] = await Promise.all([sso.getSettings(siteId), oidc.listProviders(siteId)]);
      return { providers, publisherLoginUrl: settings?.loginUrl ?? null, passwordLogin: !settings?.signOnOnly };
    }

    // --- register and confirm

    app.get('/account/register', async (request, reply) => {
      const { chrome: c, csrf } = await chrome(request, reply);
      if ((await sso.getSettings(c.site.id))?.signOnOnly)
        return send(reply, 403, messagePage(c, 'Register', [{ kind: 'info', text: E.REGISTRATION_DISABLED.message }]));
      return send(reply, 200, registerPage(c, csrf, []));
    });

    app.post(
      '/account/register',
      { schema: { body: Form({ email: Str(254), displayName: Str(200), password: Str() }) } },
      async (request, reply) => {
        const { email, displayName, password } = request.body;
        try {
          limit(registrations, request.ip);
          await accounts.register(await auth.site(request), { email, displayName, password });
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await chrome(request, reply);
          return send(reply, status, registerPage(c, csrf, [notice], { email, displayName }));
        }
        const { chrome: c } = await chrome(request, reply);
        return send(
          reply,
          200,
          messagePage(c, 'Check your e-mail', [
            {
              kind: 'info',
              text: `We have sent a message to ${email.trim()}. Open the link in it to confirm your address, then log in.`,
            },
          ]),
        );
      },
    );

    app.get('/account/verify', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      try {
        await accounts.verifyEmail(await auth.site(request), request.query.token);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c } = await chrome(request, reply);
        return send(reply, status, messagePage(c, 'E-mail address not confirmed', [notice]));
      }
      const { chrome: c } = await chrome(request, reply);
      return send(
        reply,
        200,
        messagePage(
          c,
          'E-mail address confirmed',
          [{ kind: 'info', text: 'Thank you: your address is confirmed.' }],
          (await auth.viewer(request)) ? undefined : html`<p><a class="button" href="/account/login">Log in</a></p>`,
        ),
      );
    });

    app.post('/account/verify/resend', async (request, reply) => {
      const viewer = await auth.requireUser(request);
      await accounts.sendVerification(await auth.site(request), viewer.user);
      return reply.redirect('/account?notice=verification-sent', 303);
    });

    // --- log in and out

    app.get(
      '/account/login',
      { schema: { querystring: Type.Object({ return: Type.Optional(Str(500)) }) } },
      async (request, reply) => {
        const { chrome: c, csrf } = await chrome(request, reply);
        const returnTo = safeReturnPath(request.query.return, '/account');
        return send(reply, 200, loginPage(c, csrf, [], { returnTo, ...(await loginOptions(c.site.id)) }));
      },
    );

    app.post(
      '/account/login',
      { schema: { body: Form({ email: Str(254), password: Str(), return: Type.Optional(Str(500)) as never }) } },
      async (request, reply) => {
        const body = request.body as { email: string; password: string; return?: string };
        const returnTo = safeReturnPath(body.return, '/account');
        try {
          const { cookie } = await accounts.login(
            await auth.site(request),
            { email: body.email, password: body.password },
            ctx(request),
          );
          await auth.startSession(request, reply, cookie);
          return reply.redirect(returnTo, 303);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await chrome(request, reply);
          if (err instanceof AppError && err.code === 'LOGIN_THROTTLED')
            reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
          return send(
            reply,
            status,
            loginPage(c, csrf, [notice], { email: body.email, returnTo, ...(await loginOptions(c.site.id)) }),
          );
        }
      },
    );

    app.post('/account/logout', async (request, reply) => {
      await auth.endSession(request, reply);
      return reply.redirect('/', 303);
    });

    // --- forgotten password

    app.get('/account/forgot', async (request, reply) => {
      const { chrome: c, csrf } = await chrome(request, reply);
      return send(reply, 200, forgotPage(c, csrf, []));
    });

    app.post('/account/forgot', { schema: { body: Form({ email: Str(254) }) } }, async (request, reply) => {
      try {
        limit(resets, request.ip);
        await accounts.requestPasswordReset(await auth.site(request), request.body.email);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c, csrf } = await chrome(request, reply);
        return send(reply, status, forgotPage(c, csrf, [notice]));
      }
      const { chrome: c } = await chrome(request, reply);
      return send(
        reply,
        200,
        messagePage(c, 'Check your e-mail', [
          {
            kind: 'info',
            text: 'If an account uses that address, we have sent it a link to choose a new password. The link works for an hour.',
          },
        ]),
      );
    });

    app.get('/account/reset', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { chrome: c, csrf } = await chrome(request, reply);
      return send(reply, 200, resetPage(c, csrf, request.query.token, []));
    });

    app.post(
      '/account/reset',
      { schema: { body: Form({ token: Str(200), password: Str() }) } },
      async (request, reply) => {
        try {
          await accounts.resetPassword(await auth.site(request), request.body.token, request.body.password);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await chrome(request, reply);
          return send(reply, status, resetPage(c, csrf, request.body.token, [notice]));
        }
        await auth.endSession(request, reply);
        const { chrome: c } = await chrome(request, reply);
        return send(
          reply,
          200,
          messagePage(
            c,
            'Password changed',
            [
              {
                kind: 'info',
                text: 'Your new password is saved, and every device that was logged in has been logged out.',
              },
            ],
            html`<p><a class="button" href="/account/login">Log in</a></p>`,
          ),
        );
      },
    );

    // --- profile and settings

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
      const { chrome: c, csrf } = await chrome(request, reply);
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
        await accounts.changePassword(user, b.current ?? '', b.password ?? '', session.idHash);
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
        const { chrome: c } = await chrome(request, reply);
        return send(reply, status, messagePage(c, 'E-mail address not changed', [notice]));
      }
      if (await auth.viewer(request)) return reply.redirect('/account?notice=email-changed', 303);
      const { chrome: c } = await chrome(request, reply);
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

    /**
     * The end of a login in a popup opened by the comment widget. Third-party
     * cookies are blocked in most browsers, so the widget's iframe cannot see
     * the session cookie: this page hands the iframe a short-lived bearer
     * token by postMessage, addressed to Parley's own origin only, and closes.
     */
    app.get('/account/popup-done', async (request, reply) => {
      const viewer = await auth.viewer(request);
      if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent('/account/popup-done')}`, 303);
      const site = await auth.site(request);
      const { token, expiresIn } = await auth.bearerToken(viewer.session);
      const origin = new URL(site.baseUrl).origin;
      const message = JSON.stringify({ type: 'parley:signed-in', token, expiresIn }).replace(/</g, '\\u003c');
      const nonce = randomBytes(16).toString('base64');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`)
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head><body><p>You are signed in. You can close this window.</p><script nonce="${nonce}">if (window.opener) { window.opener.postMessage(${message}, ${JSON.stringify(origin)}); window.close(); }</script></body></html>`,
        );
    });

    app.get(
      '/account/comments',
      { schema: { querystring: Type.Object({ after: Type.Optional(Str(500)), notice: Type.Optional(Str(20)) }) } },
      async (request, reply) => {
        const viewer = await auth.viewer(request);
        if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent('/account/comments')}`, 303);
        const { chrome: c, csrf } = await chrome(request, reply);
        const page = await listMyComments(deps, {
          user: viewer.user,
          ...(request.query.after ? { cursor: request.query.after } : {}),
          limit: 30,
        });
        return send(
          reply,
          200,
          myCommentsPage(
            c,
            page.comments.map((x) => ({ ...x, legacy: x.importedFrom !== null })),
            page.nextCursor ? `/account/comments?after=${page.nextCursor}` : null,
            csrf,
            request.query.notice === 'claim-sent'
              ? 'If comments were imported under that address, a link is on its way there. Follow it while signed in.'
              : request.query.notice === 'claimed'
                ? 'Your older comments are now in your account.'
                : undefined,
          ),
        );
      },
    );

    // --- linking a sign-in to an existing account, with its owner's consent

    app.get('/account/link', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { chrome: c, csrf } = await chrome(request, reply);
      try {
        const info = await external.describeLink(c.site, request.query.token);
        return send(reply, 200, linkPage(c, csrf, request.query.token, info, []));
      } catch (err) {
        const { status, notice } = asNotice(err);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });

    app.post(
      '/account/link',
      { schema: { body: Form({ token: Str(200), password: Str() }) } },
      async (request, reply) => {
        const site = await auth.site(request);
        try {
          const { cookie } = await external.linkWithPassword(
            site,
            request.body.token,
            request.body.password,
            ctx(request),
          );
          await auth.startSession(request, reply, cookie);
          return reply.redirect('/account?notice=linked', 303);
        } catch (err) {
          const { status, notice } = asNotice(err);
          const { chrome: c, csrf } = await chrome(request, reply);
          const info = await external.describeLink(site, request.body.token).catch(() => undefined);
          return send(
            reply,
            status,
            info
              ? linkPage(c, csrf, request.body.token, info, [notice])
              : messagePage(c, 'Link your accounts', [notice]),
          );
        }
      },
    );

    app.post('/account/link/email', { schema: { body: Form({ token: Str(200) }) } }, async (request, reply) => {
      const site = await auth.site(request);
      const { chrome: c } = await chrome(request, reply);
      try {
        await external.sendLinkEmail(site, request.body.token);
        return send(
          reply,
          200,
          messagePage(c, 'Check your e-mail', [
            {
              kind: 'info',
              text: 'We have sent a link to the address of your existing account. Open it to link the two.',
            },
          ]),
        );
      } catch (err) {
        const { status, notice } = asNotice(err);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });

    app.get('/account/link/confirm', { schema: { querystring: TokenQuery } }, async (request, reply) => {
      try {
        const { cookie } = await external.confirmLink(await auth.site(request), request.query.token, ctx(request));
        await auth.startSession(request, reply, cookie);
        return reply.redirect('/account?notice=linked', 303);
      } catch (err) {
        const { status, notice } = asNotice(err);
        const { chrome: c } = await chrome(request, reply);
        return send(reply, status, messagePage(c, 'Link your accounts', [notice]));
      }
    });
  };
}
