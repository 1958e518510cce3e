import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  engine: Type.String(),
});

export function healthRoutes(deps: Pick<Services, 'storage'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    // For load balancers and orchestrators: 200 only when the database answers.
    app.get('/healthz', { schema: { response: { 200: Health, 503: Health } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await deps.storage.ping();
        return { status: 'ok' as const, database: 'ok' as const, engine: deps.storage.engine };
      } catch (err) {
        request.log.error({ err }, 'health check: database did not answer');
        return reply
          .code(503)
          .send({ status: 'error' as const, database: 'unreachable' as const, engine: deps.storage.engine });
      }
    });
  };
}
