import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importCommand } from '../cli/import.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { WEBHOOK_EVENT_TYPES } from './events.ts';
import { createEndpoint } from './webhooks.usecases.ts';

// Each thing a publisher's systems may hear of is queued for an endpoint that
// asked for it, with what the receiver needs to find it.

describe('what is queued for webhooks', () => {
  let app: App;
  let endpointId = '';
  before(async () => {
    app = await buildTestApp();
    const made = await createEndpoint(app.services, {
      siteId: 'demo',
      url: 'https://hooks.example/in',
      eventTypes: [...WEBHOOK_EVENT_TYPES],
    });
    endpointId = made.endpoint.id;
  });
  after(async () => app.close());

  async function queued() {
    await app.services.webhookQueue.settle();
    const rows = await app.services.webhooksRepository.listDeliveries('demo', { endpointId, limit: 100 });
    return rows.reverse().map((d) => ({ type: d.eventType, data: JSON.parse(d.payload).data }));
  }

  it('comments posted, edited, deleted and refused, and a ban', async () => {
    const storyId = await demoArticleStoryId(app);
    const rita = await signedInReader(app, 'rita@example.org', 'Rita Reader');
    const c = (await rita.api('POST', `/api/stories/${storyId}/comments`, { body: 'First thought.' }, rita.h)).json()
      .comment;
    assert.equal((await rita.api('PATCH', `/api/comments/${c.id}`, { body: 'Second thought.' }, rita.h)).status, 200);
    assert.equal((await rita.api('DELETE', `/api/comments/${c.id}`, undefined, rita.h)).status, 204);

    const sam = await signedInReader(app, 'sam@example.org', 'Sam Sender');
    const other = (await sam.api('POST', `/api/stories/${storyId}/comments`, { body: 'A calm reply.' }, sam.h)).json()
      .comment;
    const mod = await signedInReader(app, 'mod@example.org', 'Mo Derator', 'moderator');
    const version = (await mod.api('GET', `/api/admin/moderate/comments/${other.id}`)).json().item.version;
    const refused = await mod.api(
      'POST',
      `/api/admin/moderate/comments/${other.id}/decision`,
      { action: 'refuse', version, reason: 'off-topic' },
      mod.h,
    );
    assert.equal(refused.status, 200, refused.body);
    const samId = (await app.services.usersRepository.getByEmail('demo', 'sam@example.org'))!.id;
    const ban = await mod.api(
      'POST',
      `/api/admin/moderate/authors/${samId}/sanction`,
      { kind: 'ban', reason: 'repeated abuse' },
      mod.h,
    );
    assert.ok(ban.status < 300, ban.body);

    const events = await queued();
    assert.deepEqual(
      events.map((e) => e.type),
      [
        'comment.created',
        'comment.published',
        'comment.edited',
        'comment.deleted',
        'comment.created',
        'comment.published',
        'comment.refused',
        'user.banned',
      ],
    );
    assert.deepEqual(
      [events[2]!.data.commentId, events[2]!.data.storyId, events[3]!.data.status],
      [c.id, storyId, 'deleted'],
    );
    assert.equal(events[6]!.data.by, 'Mo Derator');
    assert.deepEqual(events[7]!.data, { userId: samId, reason: 'repeated abuse' });
  });

  it('an import that finished (parley import)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-hooks-'));
    const file = join(dir, 'comments.jsonl');
    const line = {
      type: 'comment',
      id: 'x1',
      url: 'https://old.example/story',
      author: { name: 'Old Timer' },
      text: 'From the old system.',
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const site = (await app.services.sitesRepository.get('demo'))!;
    const log = console.log;
    console.log = () => {};
    try {
      assert.equal(await importCommand({ format: 'jsonl', file, site, dryRun: false }, app.services), 0);
    } finally {
      console.log = log;
    }
    const last = (await queued()).at(-1)!;
    assert.equal(last.type, 'import.finished');
    assert.deepEqual([last.data.source, last.data.comments, last.data.inserted], ['jsonl', 1, 1]);
  });

  it('only what an enabled endpoint subscribed to', async () => {
    const before = (await queued()).length;
    await app.services.webhooksRepository.updateEndpoint(
      'demo',
      endpointId,
      { eventTypes: ['story.closed'] },
      new Date().toISOString(),
    );
    const storyId = await demoArticleStoryId(app);
    const rita = await signedInReader(app, 'rita@example.org', 'Rita Reader');
    await rita.api('POST', `/api/stories/${storyId}/comments`, { body: 'Third thought.' }, rita.h);
    assert.equal((await queued()).length, before);
    await app.services.webhooksRepository.updateEndpoint(
      'demo',
      endpointId,
      { enabled: false },
      new Date().toISOString(),
    );
    const admin = await signedInReader(app, 'admin@example.org', 'Ada Admin', 'admin');
    await admin.api('PUT', `/api/stories/${storyId}/closed`, undefined, admin.h);
    assert.equal((await queued()).length, before);
  });
});
