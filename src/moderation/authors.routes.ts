import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { addNote, authorProfile } from './authors.usecases.ts';
import { Id, noStore, notices, sendPage, staff, staffPage, suspendedUntil, tags } from './moderation.http.ts';
import { authorPage } from './moderation.pages.ts';
import { SanctionBody } from './moderation.schemas.ts';
import { type SanctionDeps, sanctionAuthor } from './sanctions.usecases.ts';

// An author: their page (record, sanctions, notes) and the JSON drawer;
// sanctions and notes, by form and by API.

export function moderationAuthorsRoutes(
  deps: Pick<Services, 'auth' | 'pages'> & SanctionDeps,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    /** A sanction asked for by form or API: the date of a suspension is a day in the site's zone. */
    async function sanction(request: FastifyRequest, userId: string, body: Static<typeof SanctionBody>) {
      const { viewer, site } = await staff(auth, request);
      const { kind, until, reason } = body;
      const s = { kind, until: suspendedUntil(until, site), reason };
      return sanctionAuthor(deps, { site, actor: viewer.user, userId, sanction: s });
    }

    async function note(request: FastifyRequest, userId: string, text: string) {
      const { viewer, site } = await staff(auth, request);
      await addNote(deps, { site, actor: viewer.user, userId, note: text });
    }

    app.get(
      '/admin/moderate/authors/:id',
      { schema: { params: Id, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) } },
      async (request, reply) => {
        const { chrome, csrf, site, admin } = await staffPage(deps, request, reply);
        const profile = await authorProfile(deps, site, request.params.id);
        const notice = request.query.notice ? notices[request.query.notice] : undefined;
        return sendPage(reply, authorPage(chrome, csrf, admin, profile, notice));
      },
    );

    app.post(
      '/admin/moderate/authors/:id/sanction',
      { schema: { params: Id, body: SanctionBody } },
      async (request, reply) => {
        await sanction(request, request.params.id, request.body);
        return reply.redirect(`/admin/moderate/authors/${request.params.id}?notice=sanctioned`, 303);
      },
    );

    app.post(
      '/admin/moderate/authors/:id/notes',
      {
        schema: {
          params: Id,
          body: Type.Object({
            note: Type.String({ minLength: 1, maxLength: 2000 }),
            _csrf: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        await note(request, request.params.id, request.body.note);
        return reply.redirect(`/admin/moderate/authors/${request.params.id}?notice=noted`, 303);
      },
    );

    app.get('/api/admin/moderate/authors/:id', { schema: { tags, params: Id } }, async (request, reply) => {
      const { site } = await staff(auth, request);
      reply.headers(noStore);
      return authorProfile(deps, site, request.params.id);
    });

    app.post(
      '/api/admin/moderate/authors/:id/sanction',
      {
        schema: {
          tags,
          summary: 'Warn, suspend, ban (refusing their pending comments) or lift; the reader is told',
          params: Id,
          body: SanctionBody,
        },
      },
      async (request) => sanction(request, request.params.id, request.body),
    );

    app.post(
      '/api/admin/moderate/authors/:id/notes',
      { schema: { tags, params: Id, body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }) } },
      async (request, reply) => {
        await note(request, request.params.id, request.body.note);
        return reply.code(204).send();
      },
    );
  };
}
