import type { Kysely } from 'kysely';
import { newId } from '../shared/ids.ts';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from '../storage/schema.ts';

// Webhook endpoints, the delivery queue and its log. A delivery is claimed by
// a conditional update before it is sent, so one instance sends it however
// many run the job; a claim that outlives its instance expires.

export interface Endpoint {
  id: string;
  siteId: string;
  url: string;
  description: string;
  eventTypes: string[];
  secret: string;
  previousSecret: string | null;
  previousUntil: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  id: string;
  siteId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: string;
  status: WebhookDeliveriesTable['status'];
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface Attempt {
  attempt: number;
  at: string;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
}

const endpoint = (r: WebhookEndpointsTable): Endpoint => ({
  id: r.id,
  siteId: r.site_id,
  url: r.url,
  description: r.description,
  eventTypes: JSON.parse(r.event_types) as string[],
  secret: r.secret,
  previousSecret: r.previous_secret,
  previousUntil: r.previous_until,
  enabled: Boolean(r.enabled),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const delivery = (r: Omit<WebhookDeliveriesTable, 'claimed_by' | 'claimed_until'>): Delivery => ({
  id: r.id,
  siteId: r.site_id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  payload: r.payload,
  status: r.status,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status,
  lastResponse: r.last_response,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export type EndpointChanges = Partial<
  Pick<Endpoint, 'url' | 'description' | 'eventTypes' | 'enabled' | 'secret' | 'previousSecret' | 'previousUntil'>
>;

export function createWebhooksRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insertEndpoint(e: Endpoint): Promise<void> {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: e.id,
          site_id: e.siteId,
          url: e.url,
          description: e.description,
          event_types: JSON.stringify(e.eventTypes),
          secret: e.secret,
          previous_secret: e.previousSecret,
          previous_until: e.previousUntil,
          enabled: e.enabled ? 1 : 0,
          created_at: e.createdAt,
          updated_at: e.updatedAt,
        })
        .execute();
    },
    async getEndpoint(siteId: string, id: string): Promise<Endpoint | undefined> {
      const r = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && endpoint(r);
    },
    async listEndpoints(siteId: string): Promise<Endpoint[]> {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(endpoint);
    },
    async updateEndpoint(siteId: string, id: string, c: EndpointChanges, at: string): Promise<boolean> {
      const r = await db
        .updateTable('webhook_endpoints')
        .set({
          updated_at: at,
          ...(c.url !== undefined ? { url: c.url } : {}),
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.eventTypes !== undefined ? { event_types: JSON.stringify(c.eventTypes) } : {}),
          ...(c.enabled !== undefined ? { enabled: c.enabled ? 1 : 0 } : {}),
          ...(c.secret !== undefined ? { secret: c.secret } : {}),
          ...(c.previousSecret !== undefined ? { previous_secret: c.previousSecret } : {}),
          ...(c.previousUntil !== undefined ? { previous_until: c.previousUntil } : {}),
        })
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async deleteEndpoint(siteId: string, id: string): Promise<boolean> {
      const r = await db
        .deleteFrom('webhook_endpoints')
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** Queues an event for an endpoint; false when it is already queued (another instance heard it too). */
    async enqueue(d: {
      siteId: string;
      endpointId: string;
      eventId: string;
      eventType: string;
      payload: string;
      at: string;
    }) {
      const id = newId();
      const r = await db
        .insertInto('webhook_deliveries')
        .values({
          id,
          site_id: d.siteId,
          endpoint_id: d.endpointId,
          event_id: d.eventId,
          event_type: d.eventType,
          payload: d.payload,
          status: 'pending',
          attempts: 0,
          next_attempt_at: d.at,
          claimed_by: null,
          claimed_until: null,
          last_status: null,
          last_response: null,
          last_error: null,
          created_at: d.at,
          delivered_at: null,
        })
        .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? id : undefined;
    },

    /** Claims up to `limit` due deliveries for `worker` until `until`; each is claimed by one worker only. */
    async claimDue(input: { now: string; until: string; worker: string; limit: number; id?: string }) {
      let q = db.selectFrom('webhook_deliveries').select('id');
      if (input.id) q = q.where('id', '=', input.id);
      const due = await q
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', input.now)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', input.now)]))
        .orderBy('next_attempt_at')
        .limit(input.limit)
        .execute();
      const claimed: Delivery[] = [];
      // Two instances may read the same rows; the conditional update lets one of them have each.
      for (const { id } of due) {
        const r = await db
          .updateTable('webhook_deliveries')
          .set({ claimed_by: input.worker, claimed_until: input.until })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', input.now)]))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) continue;
        const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
        if (row) claimed.push(delivery(row));
      }
      return claimed;
    },

    /** Records an attempt and the delivery's next state, releasing the claim. */
    async recordAttempt(
      d: { id: string; worker: string },
      a: Attempt & { next: { status: Delivery['status']; at: string } },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('webhook_attempts')
          .values({
            id: newId(),
            delivery_id: d.id,
            attempt: a.attempt,
            at: a.at,
            response_status: a.responseStatus,
            response_excerpt: a.responseExcerpt,
            error: a.error,
            duration_ms: a.durationMs,
          })
          .execute();
        await tx
          .updateTable('webhook_deliveries')
          .set({
            status: a.next.status,
            attempts: a.attempt,
            next_attempt_at: a.next.at,
            claimed_by: null,
            claimed_until: null,
            last_status: a.responseStatus,
            last_response: a.responseExcerpt,
            last_error: a.error,
            delivered_at: a.next.status === 'delivered' ? a.at : null,
          })
          .where('id', '=', d.id)
          .where('claimed_by', '=', d.worker)
          .execute();
      });
    },

    async listDeliveries(siteId: string, q: { endpointId?: string; limit: number }): Promise<Delivery[]> {
      let query = db.selectFrom('webhook_deliveries').selectAll().where('site_id', '=', siteId);
      if (q.endpointId) query = query.where('endpoint_id', '=', q.endpointId);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(delivery);
    },
    async getDelivery(siteId: string, id: string): Promise<Delivery | undefined> {
      const r = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && delivery(r);
    },
    async attempts(deliveryId: string): Promise<Attempt[]> {
      const rows = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('attempt')
        .execute();
      return rows.map((r) => ({
        attempt: Number(r.attempt),
        at: r.at,
        responseStatus: r.response_status,
        responseExcerpt: r.response_excerpt,
        error: r.error,
        durationMs: Number(r.duration_ms),
      }));
    },
    /** Sends a failed delivery again at once. */
    async retry(siteId: string, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: at, claimed_by: null, claimed_until: null })
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
