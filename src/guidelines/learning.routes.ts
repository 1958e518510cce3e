import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { activateSiteModel, restorePreviousModel, siteModels, trainSiteModel } from './learning.usecases.ts';

// The site's own models: moderators see them and what each would change;
// admins adapt a new one from the moderators' decisions, turn it on, or go
// back to the previous one. (`parley guidelines` does the same.)

export function learningRoutes(
  deps: Pick<Services, 'auth' | 'learningRepository' | 'guidelinesRepository' | 'policyCache' | 'bus' | 'now'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const tags = ['moderation'];
    const noStore = { 'cache-control': 'private, no-store' };

    app.get(
      '/api/admin/moderation/models',
      { schema: { tags, summary: "The site's own models, newest first; the active one judges its comments" } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request, ['moderator', 'admin']);
        reply.headers(noStore);
        return { models: await siteModels(deps, user.siteId) };
      },
    );

    app.post(
      '/api/admin/moderation/models',
      {
        schema: {
          tags,
          summary:
            "Adapt a new model from the moderators' decisions; stored, not active, with what it would change on the latest comments",
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request, ['admin']);
        reply.code(201).headers(noStore);
        return trainSiteModel(deps, { siteId: user.siteId, by: user.displayName });
      },
    );

    app.post(
      '/api/admin/moderation/models/active',
      {
        schema: {
          tags,
          summary: "Turn one of the site's models on for every instance (null: the shipped model)",
          body: Type.Object({
            version: Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()]),
          }),
        },
      },
      async (request) => {
        const { user } = await auth.requireUser(request, ['admin']);
        await activateSiteModel(deps, { siteId: user.siteId, version: request.body.version });
        return { active: request.body.version };
      },
    );

    app.post(
      '/api/admin/moderation/models/restore',
      { schema: { tags, summary: 'Go back to the model that was on before the current one' } },
      async (request) => {
        const { user } = await auth.requireUser(request, ['admin']);
        return { active: await restorePreviousModel(deps, user.siteId) };
      },
    );
  };
}
