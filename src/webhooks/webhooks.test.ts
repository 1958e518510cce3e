import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { deliverDueWebhooks } from './delivery.ts';
import { retryDelayMs } from './signing.ts';

// A real receiver on a local port, checking every message with the
// standardwebhooks package as a publisher's system would.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('webhooks, end to end', () => {
  let app: App;
  // The real clock: receivers refuse a message more than five minutes from their own time.
  let clock = Date.now();
  const received: Received[] = [];
  let answer = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'thanks' : 'down for maintenance');
    });
  });
  let url = '';
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    app = await buildTestApp({ now: () => new Date(clock) });
  });
  after(async () => {
    await app.close();
    server.close();
  });
  const deliver = () => deliverDueWebhooks(app.services);
  const verify = (r: Received, secret: string) =>
    new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: any };

  let secret = '';
  let endpointId = '';

  it('is for admins only', async () => {
    const mod = await signedInReader(app, 'mod@example.org', 'Mo Derator', 'moderator');
    assert.equal((await mod.api('GET', '/api/admin/webhooks', undefined, mod.h)).status, 403);
    assert.equal((await app.inject({ url: '/api/admin/webhooks' })).statusCode, 401);
  });

  it('signs what happens on the site in the Standard Webhooks form, without making posting wait', async () => {
    const admin = await signedInReader(app, 'admin@example.org', 'Ada Admin', 'admin');
    const bad = await admin.api(
      'POST',
      '/api/admin/webhooks',
      { url: 'ftp://x.example/in', eventTypes: ['comment.created'] },
      admin.h,
    );
    assert.equal(bad.json().error.code, 'WEBHOOK_URL_INVALID');
    const unknown = await admin.api('POST', '/api/admin/webhooks', { url, eventTypes: ['comment.liked'] }, admin.h);
    assert.equal(unknown.status, 400);
    const made = await admin.api(
      'POST',
      '/api/admin/webhooks',
      { url, description: 'the CMS', eventTypes: ['comment.created', 'comment.published', 'story.closed'] },
      admin.h,
    );
    assert.equal(made.status, 201);
    secret = made.json().secret;
    endpointId = made.json().endpoint.id;
    assert.match(secret, /^whsec_/);
    const listed = (await admin.api('GET', '/api/admin/webhooks', undefined, admin.h)).json();
    assert.equal(listed.endpoints.length, 1);
    assert.equal(JSON.stringify(listed).includes(secret), false, 'the secret is shown once');

    const reader = await signedInReader(app, 'rita@example.org', 'Rita Reader');
    const storyId = await demoArticleStoryId(app);
    const posted = await reader.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: 'A fair and useful point.' },
      reader.h,
    );
    assert.equal(posted.status, 201);
    assert.equal(received.length, 0, 'posting does not wait for the receiver');
    await app.services.webhookQueue.settle();
    assert.equal(await deliver(), 2);
    const messages = received.map((r) => verify(r, secret));
    assert.deepEqual(messages.map((m) => m.type).sort(), ['comment.created', 'comment.published']);
    assert.equal(messages[0]!.data.commentId, posted.json().comment.id);
    assert.equal(messages[0]!.data.storyId, storyId);
    const ids = received.map((r) => r.headers['webhook-id']);
    assert.equal(new Set(ids).size, 2);
    assert.equal(await deliver(), 0, 'each delivery is sent once');

    // Closing the story is an event too; an event the endpoint did not ask for is not sent.
    const closed = await admin.api('PUT', `/api/stories/${storyId}/closed`, undefined, admin.h);
    assert.ok(closed.status < 300, closed.body);
    await app.services.webhookQueue.settle();
    await deliver();
    assert.equal(verify(received.at(-1)!, secret).type, 'story.closed');
  });

  it('retries with growing waits and keeps a log of the answers', async () => {
    const admin = await signedInReader(app, 'admin@example.org', 'Ada Admin', 'admin');
    received.length = 0;
    answer = 503;
    const test = (await admin.api('POST', `/api/admin/webhooks/${endpointId}/test`, undefined, admin.h)).json();
    assert.equal(test.eventType, 'webhook.test');
    assert.equal(test.status, 'pending');
    assert.deepEqual(
      test.log.map((a: any) => [a.attempt, a.responseStatus, a.responseExcerpt]),
      [[1, 503, 'down for maintenance']],
    );
    assert.equal(test.nextAttemptAt, new Date(clock + retryDelayMs(1)!).toISOString());
    assert.equal(await deliver(), 0, 'not before its time');
    clock += retryDelayMs(1)!;
    answer = 200;
    assert.equal(await deliver(), 1);
    const detail = (await admin.api('GET', `/api/admin/webhooks/deliveries/${test.id}`, undefined, admin.h)).json();
    assert.equal(detail.status, 'delivered');
    assert.deepEqual(
      detail.log.map((a: any) => a.responseStatus),
      [503, 200],
    );
    assert.equal(
      received[0]!.headers['webhook-id'],
      received[1]!.headers['webhook-id'],
      'the same id on every attempt',
    );
    assert.ok(retryDelayMs(2)! > retryDelayMs(1)! && retryDelayMs(8) === undefined);
    const log = (await admin.api('GET', `/api/admin/webhooks/${endpointId}/deliveries`, undefined, admin.h)).json();
    assert.ok(log.deliveries.length >= 4);
  });

  it('rotates the secret without a gap: both sign until the rotation ends', async () => {
    const admin = await signedInReader(app, 'admin@example.org', 'Ada Admin', 'admin');
    received.length = 0;
    const rotated = (
      await admin.api('POST', `/api/admin/webhooks/${endpointId}/rotate`, { overlapHours: 2 }, admin.h)
    ).json();
    assert.notEqual(rotated.secret, secret);
    await admin.api('POST', `/api/admin/webhooks/${endpointId}/test`, undefined, admin.h);
    const during = received.at(-1)!;
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    verify(during, secret);
    verify(during, rotated.secret);
    await admin.api('POST', `/api/admin/webhooks/${endpointId}/rotate/finish`, undefined, admin.h);
    await admin.api('POST', `/api/admin/webhooks/${endpointId}/test`, undefined, admin.h);
    const afterwards = received.at(-1)!;
    verify(afterwards, rotated.secret);
    assert.throws(() => verify(afterwards, secret), 'the old secret no longer signs');
    assert.equal((await admin.api('DELETE', `/api/admin/webhooks/${endpointId}`, undefined, admin.h)).status, 204);
    assert.equal((await admin.api('POST', `/api/admin/webhooks/${endpointId}/test`, undefined, admin.h)).status, 404);
  });
});
