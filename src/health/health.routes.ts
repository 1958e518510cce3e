import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  engine: Type.String(),
  /** the bus between instances: 'reconnecting' means this instance does not hear the others */
  bus: Type.Union([Type.Literal('local'), Type.Literal('listening'), Type.Literal('reconnecting')]),
});

export function healthRoutes(deps: Pick<Services, 'storage' | 'bus'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    // For load balancers and orchestrators: 200 only when the database answers and, with
    // several instances, the bus hears the others (otherwise this one serves stale pages).
    app.get('/healthz', { schema: { response: { 200: Health, 503: Health } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const bus = deps.bus.state();
      const engine = deps.storage.engine;
      try {
        await deps.storage.ping();
      } catch (err) {
        request.log.error({ err }, 'health check: database did not answer');
        return reply.code(503).send({ status: 'error' as const, database: 'unreachable' as const, engine, bus });
      }
      if (bus === 'reconnecting') return reply.code(503).send({ status: 'error', database: 'ok', engine, bus });
      return { status: 'ok' as const, database: 'ok' as const, engine, bus };
    });
  };
}
