import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { safeReturnPath } from '../accounts/auth.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { type DecisionDeps, decideComment, decideMany, undoDecision } from './decisions.usecases.ts';
import { Id, staff, tags } from './moderation.http.ts';
import { BulkBody, DecisionBody } from './moderation.schemas.ts';

// Decisions on comments: the form (redirects back with a notice) and the JSON
// API (one, many, undo).

export function moderationDecisionsRoutes(deps: Pick<Services, 'auth'> & DecisionDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;

    app.post(
      '/admin/moderate/comments/:id/decide',
      { schema: { params: Id, body: DecisionBody } },
      async (request, reply) => {
        const { viewer, site } = await staff(auth, request);
        const asked = safeReturnPath(request.body.return, '/admin/moderate');
        const back = asked.startsWith('/admin/moderate') ? asked : '/admin/moderate';
        const sep = back.includes('?') ? '&' : '?';
        try {
          await decideComment(deps, { site, actor: viewer.user, id: request.params.id, decision: request.body });
          return reply.redirect(`${back}${sep}notice=decided`, 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'DECISION_CONFLICT')
            return reply.redirect(`${back}${sep}notice=conflict`, 303);
          throw err;
        }
      },
    );

    app.post(
      '/api/admin/moderate/comments/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve, refuse, feature: conditional on the version seen (409 with the current state otherwise)',
          params: Id,
          body: DecisionBody,
        },
      },
      async (request) => {
        const { viewer, site } = await staff(auth, request);
        return decideComment(deps, { site, actor: viewer.user, id: request.params.id, decision: request.body });
      },
    );

    app.post(
      '/api/admin/moderate/bulk',
      { schema: { tags, summary: 'One decision on many comments; each reports its own result', body: BulkBody } },
      async (request) => {
        const { viewer, site } = await staff(auth, request);
        const { items, ...decision } = request.body;
        return decideMany(deps, { site, actor: viewer.user, items, decision });
      },
    );

    app.post(
      '/api/admin/moderate/undo',
      {
        schema: {
          tags,
          summary: 'Undo a decision (by its audit entry) if nothing changed the comment since',
          body: Type.Object({ auditId: Type.String({ maxLength: 40 }) }),
        },
      },
      async (request) => {
        const { viewer, site } = await staff(auth, request);
        return undoDecision(deps, { site, actor: viewer.user, auditId: request.body.auditId });
      },
    );
  };
}
