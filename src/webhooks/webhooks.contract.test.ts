import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSitesRepository } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { createWebhooksRepository, type Endpoint } from './webhooks.repository.ts';

// The queue's guarantees on both engines: an event is queued once per endpoint
// however many instances hear it, a due delivery is claimed by one worker, and
// an attempt releases the claim with the next state.

const T0 = '2026-06-15T06:30:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

for (const engine of await enginesUnderTest()) {
  describe(`webhooks repository on ${engine.name}`, { skip: engine.skip }, () => {
    let storage: Storage;
    let repo: ReturnType<typeof createWebhooksRepository>;
    const e: Endpoint = {
      id: 'ep1',
      siteId: 'w',
      url: 'https://hooks.example/in',
      description: 'CMS',
      eventTypes: ['comment.created'],
      secret: 'whsec_AAAA',
      previousSecret: null,
      previousUntil: null,
      enabled: true,
      createdAt: T0,
      updatedAt: T0,
    };
    before(async () => {
      storage = await engine.open();
      await createSitesRepository(storage).insert({
        id: 'w',
        name: 'W',
        baseUrl: 'https://w.test',
        timeZone: 'UTC',
        timeZoneLabel: null,
        language: 'en',
        tagline: '',
        guidelines: '',
        createdAt: T0,
      });
      repo = createWebhooksRepository(storage);
      await repo.insertEndpoint(e);
    });
    after(async () => storage?.close());

    it('keeps endpoints with their events, and changes them', async () => {
      assert.deepEqual(await repo.getEndpoint('w', 'ep1'), e);
      assert.equal(await repo.getEndpoint('other', 'ep1'), undefined);
      assert.ok(await repo.updateEndpoint('w', 'ep1', { eventTypes: ['story.closed'], enabled: false }, later(1)));
      const changed = await repo.getEndpoint('w', 'ep1');
      assert.deepEqual(
        [changed?.eventTypes, changed?.enabled, changed?.updatedAt],
        [['story.closed'], false, later(1)],
      );
      assert.equal(await repo.updateEndpoint('w', 'nope', { enabled: true }, later(1)), false);
    });

    it('queues an event once per endpoint, and one worker claims it', async () => {
      const d = { siteId: 'w', endpointId: 'ep1', eventId: 'ev1', eventType: 'comment.created', payload: '{}', at: T0 };
      const id = await repo.enqueue(d);
      assert.ok(id);
      assert.equal(await repo.enqueue(d), undefined, 'a second instance hearing the event queues nothing');
      const claims = { now: T0, until: later(60_000), limit: 10 };
      const [a, b] = await Promise.all([
        repo.claimDue({ ...claims, worker: 'a' }),
        repo.claimDue({ ...claims, worker: 'b' }),
      ]);
      assert.equal(a.length + b.length, 1, 'one worker has it');
      assert.deepEqual(await repo.claimDue({ ...claims, worker: 'c' }), [], 'claimed rows are not due');
      const worker = a.length ? 'a' : 'b';

      // A failure: the log keeps the answer, the claim is released, and it is due again later.
      await repo.recordAttempt(
        { id: id!, worker },
        {
          attempt: 1,
          at: T0,
          responseStatus: 503,
          responseExcerpt: 'busy',
          error: null,
          durationMs: 12,
          next: { status: 'pending', at: later(30_000) },
        },
      );
      assert.deepEqual(await repo.claimDue({ ...claims, worker: 'c' }), []);
      const [again] = await repo.claimDue({ ...claims, now: later(30_000), worker: 'c' });
      assert.equal(again?.attempts, 1);
      assert.equal(again?.lastStatus, 503);
      await repo.recordAttempt(
        { id: id!, worker: 'c' },
        {
          attempt: 2,
          at: later(30_000),
          responseStatus: 200,
          responseExcerpt: 'ok',
          error: null,
          durationMs: 8,
          next: { status: 'delivered', at: later(30_000) },
        },
      );
      const done = await repo.getDelivery('w', id!);
      assert.deepEqual([done?.status, done?.deliveredAt, done?.attempts], ['delivered', later(30_000), 2]);
      assert.deepEqual(
        (await repo.attempts(id!)).map((x) => [x.attempt, x.responseStatus, x.responseExcerpt]),
        [
          [1, 503, 'busy'],
          [2, 200, 'ok'],
        ],
      );
      assert.equal(await repo.retry('w', id!, later(1)), false, 'only a failed delivery is sent again');
    });

    it('takes an expired claim back, and lists and retries failed deliveries', async () => {
      const id = await repo.enqueue({
        siteId: 'w',
        endpointId: 'ep1',
        eventId: 'ev2',
        eventType: 'story.closed',
        payload: '{}',
        at: T0,
      });
      const [gone] = await repo.claimDue({ now: T0, until: later(60_000), worker: 'dead', limit: 1 });
      assert.equal(gone?.id, id);
      const [back] = await repo.claimDue({ now: later(61_000), until: later(120_000), worker: 'alive', limit: 5 });
      assert.equal(back?.id, id, 'an instance that died holding a claim does not lose the delivery');
      await repo.recordAttempt(
        { id: id!, worker: 'alive' },
        {
          attempt: 1,
          at: later(61_000),
          responseStatus: null,
          responseExcerpt: null,
          error: 'connect ECONNREFUSED',
          durationMs: 3,
          next: { status: 'failed', at: later(61_000) },
        },
      );
      const listed = await repo.listDeliveries('w', { endpointId: 'ep1', limit: 10 });
      assert.deepEqual(
        listed.map((d) => [d.eventId, d.status]),
        [
          ['ev2', 'failed'],
          ['ev1', 'delivered'],
        ],
      );
      assert.ok(await repo.retry('w', id!, later(70_000)));
      const [retried] = await repo.claimDue({ now: later(70_000), until: later(130_000), worker: 'x', limit: 5 });
      assert.equal(retried?.id, id);
      assert.ok(await repo.deleteEndpoint('w', 'ep1'));
      assert.equal(await repo.getDelivery('w', id!), undefined, 'an endpoint takes its log with it');
    });
  });
}
