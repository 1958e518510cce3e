import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { installAuth } from '../accounts/auth.ts';
import type { Services } from '../core/services.ts';
import { errorHandler } from './errors.ts';
import { installEventStreams } from './event-stream.ts';
import { installInputGuards } from './input-guards.ts';
import { addErrorResponses, describeRoute, securitySchemes } from './openapi.ts';
import { lastRouteModules, routeModules } from './routes.ts';
import { PAGE_CSP } from './security-headers.ts';

// The HTTP door to the core: Fastify with the request log, the error
// catalogue's answers, baseline security headers, OpenAPI and every feature's
// routes. It builds nothing of the core itself.

export interface BuildOptions {
  /** extra routes for benchmarks, registered on the same instance */
  extraRoutes?: (app: FastifyInstance) => void;
}

export type App = FastifyInstance & { services: Services };

/** The app owns the services it is given: closing the app closes them. */
export async function buildApp(services: Services, options: BuildOptions = {}): Promise<App> {
  const { config } = services;
  // The widget's bundles are built before the first request needs them.
  await services.widget.build();
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    // Fastify's own two lines per request are replaced by one (below).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 300 },
    // a malformed or over-long address: the catalogue's shape, like any other error
    frameworkErrors: errorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // One line per request, written after the response: method, path, status, time.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
  app.setErrorHandler(errorHandler);
  installInputGuards(app);
  // Closing ends the open event streams first, so that it does not wait for them.
  installEventStreams(app);
  // Baseline protections on every answer. Pages may not be framed by other
  // sites (clickjacking of the login and settings forms); the comment embed
  // relaxes frame-ancestors for each site's allowed origins.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (
      String(reply.getHeader('content-type') ?? '').startsWith('text/html') &&
      !reply.hasHeader('content-security-policy')
    ) {
      reply.header('content-security-policy', PAGE_CSP);
    }
    return payload;
  });

  // OpenAPI, generated from the same schemas that validate the requests.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version: '1',
        description:
          'Comments, accounts and sign-on. Errors are {"error": {"code", "message", "details"}} with stable codes.',
      },
      components: { securitySchemes },
    },
    hideUntagged: false,
    // operationId, tags, security and the 4xx answers for every operation (src/http/openapi.ts)
    transform: describeRoute as never,
    transformObject: addErrorResponses as never,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  );
  await installAuth(app, services.auth);
  for (const routes of routeModules) await app.register(routes(services));
  options.extraRoutes?.(app);
  for (const routes of lastRouteModules) await app.register(routes(services));

  app.addHook('onClose', () => services.close());
  return Object.assign(app, { services }) as unknown as App;
}
