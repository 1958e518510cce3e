import type { ParleyEvent } from '../events/bus.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { type DeliveryDeps, deliverDueWebhooks } from './delivery.ts';
import { webhookPayload } from './events.ts';
import { newWebhookSecret } from './signing.ts';
import { webhooksErrors as E } from './webhooks.errors.ts';
import type { Endpoint, WebhooksRepository } from './webhooks.repository.ts';

type Deps = { webhooksRepository: WebhooksRepository; now: () => Date };

/** An endpoint as admins see it: the secret is shown once, when it is made. */
export function endpointView(e: Endpoint) {
  const { secret: _secret, previousSecret, ...rest } = e;
  return { ...rest, rotating: Boolean(previousSecret) };
}

function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError(E.WEBHOOK_URL_INVALID);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new AppError(E.WEBHOOK_URL_INVALID);
}

async function load(deps: Deps, siteId: string, id: string): Promise<Endpoint> {
  const e = await deps.webhooksRepository.getEndpoint(siteId, id);
  if (!e) throw new AppError(E.WEBHOOK_NOT_FOUND);
  return e;
}

export async function createEndpoint(
  deps: Deps,
  input: { siteId: string; url: string; description?: string; eventTypes: string[] },
): Promise<{ endpoint: ReturnType<typeof endpointView>; secret: string }> {
  checkUrl(input.url);
  const at = deps.now().toISOString();
  const e: Endpoint = {
    id: newId(),
    siteId: input.siteId,
    url: input.url,
    description: input.description ?? '',
    eventTypes: [...new Set(input.eventTypes)],
    secret: newWebhookSecret(),
    previousSecret: null,
    previousUntil: null,
    enabled: true,
    createdAt: at,
    updatedAt: at,
  };
  await deps.webhooksRepository.insertEndpoint(e);
  return { endpoint: endpointView(e), secret: e.secret };
}

export async function updateEndpoint(
  deps: Deps,
  input: { siteId: string; id: string; url?: string; description?: string; eventTypes?: string[]; enabled?: boolean },
) {
  if (input.url !== undefined) checkUrl(input.url);
  const { siteId, id, ...changes } = input;
  if (changes.eventTypes) changes.eventTypes = [...new Set(changes.eventTypes)];
  if (!(await deps.webhooksRepository.updateEndpoint(siteId, id, changes, deps.now().toISOString())))
    throw new AppError(E.WEBHOOK_NOT_FOUND);
  return endpointView(await load(deps, siteId, id));
}

export async function deleteEndpoint(deps: Deps, input: { siteId: string; id: string }): Promise<void> {
  if (!(await deps.webhooksRepository.deleteEndpoint(input.siteId, input.id))) throw new AppError(E.WEBHOOK_NOT_FOUND);
}

/**
 * A new secret signs from now on; the current one keeps signing beside it for
 * `overlapHours`, so receivers can switch without missing a message.
 */
export async function rotateSecret(deps: Deps, input: { siteId: string; id: string; overlapHours: number }) {
  const e = await load(deps, input.siteId, input.id);
  const secret = newWebhookSecret();
  const now = deps.now();
  const previousUntil = new Date(now.getTime() + input.overlapHours * 3_600_000).toISOString();
  await deps.webhooksRepository.updateEndpoint(
    input.siteId,
    input.id,
    { secret, previousSecret: e.secret, previousUntil },
    now.toISOString(),
  );
  return { secret, previousUntil };
}

/** The receivers all have the new secret: the previous one stops signing now. */
export async function finishRotation(deps: Deps, input: { siteId: string; id: string }) {
  await load(deps, input.siteId, input.id);
  await deps.webhooksRepository.updateEndpoint(
    input.siteId,
    input.id,
    { previousSecret: null, previousUntil: null },
    deps.now().toISOString(),
  );
  return endpointView(await load(deps, input.siteId, input.id));
}

/** Queues a webhook.test message for one endpoint and sends it at once; the answer is in the result. */
export async function sendTest(deps: DeliveryDeps, input: { siteId: string; id: string }) {
  await load(deps, input.siteId, input.id);
  const at = deps.now().toISOString();
  const eventId = newId();
  const deliveryId = await deps.webhooksRepository.enqueue({
    siteId: input.siteId,
    endpointId: input.id,
    eventId,
    eventType: 'webhook.test',
    payload: webhookPayload('webhook.test', at, { endpointId: input.id, message: 'A test from Parley.' }),
    at,
  });
  await deliverDueWebhooks(deps, { id: deliveryId! });
  return deliveryDetail(deps, { siteId: input.siteId, id: deliveryId! });
}

export async function deliveryDetail(
  deps: { webhooksRepository: WebhooksRepository },
  input: { siteId: string; id: string },
) {
  const d = await deps.webhooksRepository.getDelivery(input.siteId, input.id);
  if (!d) throw new AppError(E.WEBHOOK_DELIVERY_NOT_FOUND);
  return { ...d, log: await deps.webhooksRepository.attempts(d.id) };
}

export async function retryDelivery(deps: Deps, input: { siteId: string; id: string }) {
  if (!(await deps.webhooksRepository.getDelivery(input.siteId, input.id)))
    throw new AppError(E.WEBHOOK_DELIVERY_NOT_FOUND);
  if (!(await deps.webhooksRepository.retry(input.siteId, input.id, deps.now().toISOString())))
    throw new AppError(E.WEBHOOK_NOT_FAILED);
}

/** Queues an activity for every enabled endpoint of its site that subscribed to it. */
export async function queueActivity(
  deps: { webhooksRepository: WebhooksRepository },
  event: Extract<ParleyEvent, { type: 'activity' }>,
): Promise<number> {
  const endpoints = await deps.webhooksRepository.listEndpoints(event.siteId);
  let queued = 0;
  for (const e of endpoints) {
    if (!e.enabled || !e.eventTypes.includes(event.name)) continue;
    const id = await deps.webhooksRepository.enqueue({
      siteId: event.siteId,
      endpointId: e.id,
      eventId: event.id,
      eventType: event.name,
      payload: webhookPayload(event.name, event.at, event.data),
      at: event.at,
    });
    if (id) queued++;
  }
  return queued;
}
