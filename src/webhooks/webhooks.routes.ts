import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { WEBHOOK_EVENT_TYPES } from './events.ts';
import {
  DeliveriesQuery,
  DeliveryDetail,
  DeliveryView,
  EndpointChanges,
  EndpointId,
  EndpointView,
  NewEndpoint,
  Rotation,
} from './webhooks.schemas.ts';
import {
  createEndpoint,
  deleteEndpoint,
  deliveryDetail,
  endpointView,
  finishRotation,
  retryDelivery,
  rotateSecret,
  sendTest,
  updateEndpoint,
} from './webhooks.usecases.ts';

// The site's webhooks, for its admins: endpoints, their secrets, the delivery
// log, a test message, a retry. Messages follow Standard Webhooks (docs/webhooks.md).

export function webhooksRoutes(
  deps: Pick<Services, 'auth' | 'webhooksRepository' | 'now' | 'log'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth } = deps;
    const tags = ['webhooks'];
    const admin = async (request: Parameters<typeof auth.requireUser>[0]) =>
      (await auth.requireUser(request, ['admin'])).user.siteId;
    const Secret = Type.String({ description: 'whsec_…: shown once; receivers verify signatures with it' });

    app.get(
      '/api/admin/webhooks',
      {
        schema: {
          tags,
          summary: "The site's webhook endpoints and the event types they may subscribe to",
          response: {
            200: Type.Object({ endpoints: Type.Array(EndpointView), eventTypes: Type.Array(Type.String()) }),
          },
        },
      },
      async (request, reply) => {
        const siteId = await admin(request);
        reply.header('cache-control', 'private, no-store');
        const endpoints = await deps.webhooksRepository.listEndpoints(siteId);
        return { endpoints: endpoints.map(endpointView), eventTypes: [...WEBHOOK_EVENT_TYPES] };
      },
    );

    app.post(
      '/api/admin/webhooks',
      {
        schema: {
          tags,
          summary: 'Add an endpoint; its signing secret is in the answer, and only there',
          body: NewEndpoint,
          response: { 201: Type.Object({ endpoint: EndpointView, secret: Secret }) },
        },
      },
      async (request, reply) => {
        const siteId = await admin(request);
        reply.code(201).header('cache-control', 'private, no-store');
        return createEndpoint(deps, { siteId, ...request.body });
      },
    );

    app.patch(
      '/api/admin/webhooks/:id',
      {
        schema: {
          tags,
          summary: "Change an endpoint's address, description, events, or turn it off",
          params: EndpointId,
          body: EndpointChanges,
          response: { 200: EndpointView },
        },
      },
      async (request) => updateEndpoint(deps, { siteId: await admin(request), id: request.params.id, ...request.body }),
    );

    app.delete(
      '/api/admin/webhooks/:id',
      { schema: { tags, summary: 'Remove an endpoint and its delivery log', params: EndpointId } },
      async (request, reply) => {
        await deleteEndpoint(deps, { siteId: await admin(request), id: request.params.id });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/admin/webhooks/:id/rotate',
      {
        schema: {
          tags,
          summary: 'A new secret; the old one keeps signing beside it for overlapHours (both signatures are sent)',
          params: EndpointId,
          body: Type.Optional(Rotation),
          response: { 200: Type.Object({ secret: Secret, previousUntil: Type.String() }) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return rotateSecret(deps, {
          siteId: await admin(request),
          id: request.params.id,
          overlapHours: request.body?.overlapHours ?? 24,
        });
      },
    );

    app.post(
      '/api/admin/webhooks/:id/rotate/finish',
      {
        schema: {
          tags,
          summary: 'End a rotation now: only the new secret signs',
          params: EndpointId,
          response: { 200: EndpointView },
        },
      },
      async (request) => finishRotation(deps, { siteId: await admin(request), id: request.params.id }),
    );

    app.post(
      '/api/admin/webhooks/:id/test',
      {
        schema: {
          tags,
          summary: 'Send a webhook.test message now; the answer holds the receiver’s response',
          params: EndpointId,
          response: { 200: DeliveryDetail },
        },
      },
      async (request) => sendTest(deps, { siteId: await admin(request), id: request.params.id }),
    );

    app.get(
      '/api/admin/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: "An endpoint's deliveries, newest first",
          params: EndpointId,
          querystring: DeliveriesQuery,
          response: { 200: Type.Object({ deliveries: Type.Array(DeliveryView) }) },
        },
      },
      async (request) => {
        const siteId = await admin(request);
        const limit = request.query.limit ?? 50;
        return {
          deliveries: await deps.webhooksRepository.listDeliveries(siteId, { endpointId: request.params.id, limit }),
        };
      },
    );

    app.get(
      '/api/admin/webhooks/deliveries/:id',
      {
        schema: {
          tags,
          summary: 'One delivery and every attempt: status, response excerpt, error, duration',
          params: EndpointId,
          response: { 200: DeliveryDetail },
        },
      },
      async (request) => deliveryDetail(deps, { siteId: await admin(request), id: request.params.id }),
    );

    app.post(
      '/api/admin/webhooks/deliveries/:id/retry',
      {
        schema: { tags, summary: 'Queue a failed delivery again, due now', params: EndpointId },
      },
      async (request, reply) => {
        await retryDelivery(deps, { siteId: await admin(request), id: request.params.id });
        return reply.code(202).send({ queued: true });
      },
    );
  };
}
