import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { sendPrivatePage } from '../http/replies.ts';
import { PolicyChangesSchema, ReplayBody } from './guidelines.schemas.ts';
import { policyVersions, readPolicy, replayPolicy, savePolicy } from './guidelines.usecases.ts';
import { policyPage } from './policy.pages.ts';

// A site's moderation policy: moderators read it and try changes on past
// comments (replay); only admins save a new version.

export function guidelinesRoutes(
  deps: Pick<Services, 'auth' | 'guidelinesRepository' | 'policyCache' | 'learningRepository' | 'now' | 'pages'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const noStore = { 'cache-control': 'private, no-store' };
    const tags = ['moderation'];

    app.get('/admin/moderate/policy', async (request, reply) => {
      const { user } = await auth.requireUser(request, ['admin']);
      const site = await auth.site(request);
      const csrf = await auth.csrfToken(request, reply);
      const chrome = await deps.pages.chrome(site);
      const viewer = { displayName: user.displayName, csrf, role: user.role };
      return sendPrivatePage(reply, policyPage({ ...chrome, viewer }, await readPolicy(deps, user.siteId)));
    });

    app.get(
      '/api/admin/moderation/policy',
      { schema: { tags, summary: "The site's current policy, its version and who saved it" } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request, ['moderator', 'admin']);
        reply.headers(noStore);
        return readPolicy(deps, user.siteId);
      },
    );

    app.get(
      '/api/admin/moderation/policy/versions',
      { schema: { tags, summary: 'Saved versions, newest first' } },
      async (request, reply) => {
        const { user } = await auth.requireUser(request, ['moderator', 'admin']);
        reply.headers(noStore);
        return { versions: await policyVersions(deps, user.siteId) };
      },
    );

    app.put(
      '/api/admin/moderation/policy',
      {
        schema: {
          tags,
          summary:
            'Save a change as the next version; baseVersion is the version the change was made on (409 when someone saved in between)',
          body: Type.Object(
            { baseVersion: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }), changes: PolicyChangesSchema },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const { user } = await auth.requireUser(request, ['admin']);
        const { baseVersion, changes } = request.body;
        return savePolicy(deps, { siteId: user.siteId, baseVersion, changes, by: user.id });
      },
    );

    app.post(
      '/api/admin/moderation/policy/replay',
      {
        schema: {
          tags,
          summary: "What a change would do to the site's latest comments, without saving it",
          body: ReplayBody,
        },
      },
      async (request, reply) => {
        const { user } = await auth.requireUser(request, ['moderator', 'admin']);
        reply.headers(noStore);
        const { changes, limit, model } = request.body;
        return replayPolicy(deps, { siteId: user.siteId, changes, limit, model });
      },
    );
  };
}
