import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { messagePage } from '../accounts/account.pages.ts';
import { commentErrors } from '../comments/comments.errors.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { html } from '../shared/html.ts';
import {
  emailModeOf,
  followStory,
  isFollowingStory,
  listNotifications,
  markNotificationsRead,
  setEmailMode,
  unsubscribeByToken,
} from './notifications.usecases.ts';
import { formFields } from './one-click.ts';

const Mode = Type.Union([Type.Literal('off'), Type.Literal('each'), Type.Literal('hourly'), Type.Literal('daily')]);

export function notificationsRoutes(
  deps: Pick<Services, 'auth' | 'notificationsRepository' | 'now' | 'pages' | 'storiesRepository'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const noStore = { 'cache-control': 'private, no-store' };

    app.get(
      '/api/me/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Replies to the reader and new comments on stories they follow, with the unread count',
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        reply.headers(noStore);
        return listNotifications(deps, { user });
      },
    );

    app.post(
      '/api/me/notifications/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark some (ids) or all notifications read',
          body: Type.Object({ ids: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 })) }),
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await markNotificationsRead(deps, { user, ids: request.body.ids ?? null });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me/notification-settings',
      { schema: { tags: ['notifications'], response: { 200: Type.Object({ emailMode: Mode }) } } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        reply.headers(noStore);
        return { emailMode: await emailModeOf(deps, user) };
      },
    );

    app.put(
      '/api/me/notification-settings',
      {
        schema: {
          tags: ['notifications'],
          summary: 'E-mail: off, each reply, hourly or daily digest',
          body: Type.Object({ emailMode: Mode }),
          response: { 200: Type.Object({ emailMode: Mode }) },
        },
      },
      async (request) => {
        const { user } = await auth.requireUser(request);
        await setEmailMode(deps, { user, mode: request.body.emailMode });
        return { emailMode: request.body.emailMode };
      },
    );

    app.post(
      '/account/notifications',
      { schema: { body: Type.Object({ emailMode: Mode, _csrf: Type.Optional(Type.String()) }) } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        await setEmailMode(deps, { user, mode: request.body.emailMode });
        return reply.redirect('/account?notice=notifications-saved', 303);
      },
    );

    const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
    app.get(
      '/api/stories/:id/follow',
      {
        schema: { tags: ['notifications'], params: Id, response: { 200: Type.Object({ following: Type.Boolean() }) } },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request);
        reply.headers(noStore);
        return { following: await isFollowingStory(deps, { user, storyId: request.params.id }) };
      },
    );
    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      app[method](
        '/api/stories/:id/follow',
        {
          schema: {
            tags: ['notifications'],
            summary: on ? 'Follow a story: hear of every new comment' : 'Stop following a story',
            params: Id,
            response: { 200: Type.Object({ following: Type.Boolean() }) },
          },
        },
        async (request) => {
          const { user } = await auth.requireUser(request);
          const story = await deps.storiesRepository.get(request.params.id);
          if (!story || story.siteId !== user.siteId) throw new AppError(commentErrors.STORY_NOT_FOUND);
          await followStory(deps, { user, storyId: story.id, on });
          return { following: on };
        },
      );
    }

    // From the link in every e-mail: a button, so that mail scanners that
    // follow links do not unsubscribe anyone by accident.
    app.get(
      '/account/unsubscribe',
      { schema: { querystring: Type.Object({ token: Type.String({ maxLength: 100 }) }) } },
      async (request, reply) => {
        const site = await auth.site(request);
        const page = messagePage(
          await deps.pages.chrome(site),
          'Stop e-mails about replies',
          [],
          html`<form method="post" action="/account/unsubscribe"><input type="hidden" name="token" value="${request.query.token}"><button class="button" type="submit">Stop these e-mails</button></form>`,
        );
        return reply.header('content-type', 'text/html; charset=utf-8').headers(noStore).send(page.value);
      },
    );

    // The button above posts the token in the form. A mailbox provider's
    // one-click unsubscribe (RFC 8058) posts "List-Unsubscribe=One-Click" to the
    // List-Unsubscribe address, the token in its query, with no cookie: the
    // token is the credential, and the answer is a short 200.
    app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) =>
      done(null, formFields(body as string)),
    );
    app.post(
      '/account/unsubscribe',
      {
        config: { csrf: false },
        schema: {
          summary: 'Stop notification e-mails with the token of their unsubscribe link (RFC 8058 one-click too)',
          querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) }),
          body: Type.Optional(
            Type.Object({
              token: Type.Optional(Type.String({ maxLength: 100 })),
              'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 20 })),
            }),
          ),
        },
      },
      async (request, reply) => {
        const token = request.body?.token ?? request.query.token ?? '';
        const ok = token !== '' && (await unsubscribeByToken(deps, token));
        if (request.body?.['List-Unsubscribe'] === 'One-Click')
          return reply
            .code(ok ? 200 : 400)
            .headers(noStore)
            .type('text/plain; charset=utf-8')
            .send(ok ? 'Unsubscribed.' : 'This unsubscribe link is not valid.');
        const site = await auth.site(request);
        const page = messagePage(await deps.pages.chrome(site), ok ? 'Unsubscribed' : 'Link not recognised', [
          {
            kind: ok ? 'info' : 'error',
            text: ok
              ? 'You will get no more e-mails about replies. You can turn them on again in your account.'
              : 'This unsubscribe link is not valid.',
          },
        ]);
        return reply
          .code(ok ? 200 : 400)
          .header('content-type', 'text/html; charset=utf-8')
          .headers(noStore)
          .send(page.value);
      },
    );
  };
}
