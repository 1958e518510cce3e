import { Type } from 'typebox';
import { WEBHOOK_EVENT_TYPES } from './events.ts';

export const EventType = Type.Union(WEBHOOK_EVENT_TYPES.map((t) => Type.Literal(t)));

export const EndpointId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

export const NewEndpoint = Type.Object({
  url: Type.String({ minLength: 8, maxLength: 2000, description: 'where the messages are POSTed (http or https)' }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  eventTypes: Type.Array(EventType, { minItems: 1, uniqueItems: true }),
});

export const EndpointChanges = Type.Object({
  url: Type.Optional(Type.String({ minLength: 8, maxLength: 2000 })),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  eventTypes: Type.Optional(Type.Array(EventType, { minItems: 1, uniqueItems: true })),
  enabled: Type.Optional(Type.Boolean()),
});

export const Rotation = Type.Object({
  overlapHours: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 168, default: 24, description: 'how long the previous secret keeps signing' }),
  ),
});

export const DeliveriesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const EndpointView = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  previousUntil: Type.Union([Type.String(), Type.Null()]),
  rotating: Type.Boolean(),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const DeliveryView = Type.Object({
  id: Type.String({ description: 'the webhook-id header: the same on every attempt' }),
  endpointId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  payload: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastResponse: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});

export const AttemptView = Type.Object({
  attempt: Type.Integer(),
  at: Type.String(),
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  responseExcerpt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
});

export const DeliveryDetail = Type.Object({ ...DeliveryView.properties, log: Type.Array(AttemptView) });
