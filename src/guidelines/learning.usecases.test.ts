import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { recordDecisionExample } from './learning.usecases.ts';

// A paper whose moderators refuse a word the shipped model has never seen
// (an insult of the paper's own readers, invented here): after `train` the
// site's model holds it, the replay shows that before anyone turns it on, and
// turning it off again restores the shipped model's decisions.

const NEW_INSULT = 'bozzlewit';
const people = ['Ravi', 'the editor', 'Asha', 'the mayor', 'Kiran', 'the columnist', 'Vikram', 'the minister'];
const abusive = (i: number) =>
  [
    `${people[i % 8]} is a ${NEW_INSULT} and everyone knows it.`,
    `Only a ${NEW_INSULT} like ${people[(i + 3) % 8]} would write this.`,
    `Stop posting, you ${NEW_INSULT}.`,
    `What a ${NEW_INSULT} ${people[(i + 5) % 8]} turned out to be.`,
  ][i % 4]!;
const clean = (i: number) =>
  [
    `${people[i % 8]} made a fair point about the water tariffs.`,
    `The council should publish the budget for ward ${i} before the vote.`,
    `I disagree with ${people[(i + 2) % 8]} on the bus fares, but the figures are right.`,
    `Good reporting on the flood relief in district ${i}.`,
  ][i % 4]!;

describe("a site's own model, learnt from its moderators", () => {
  let app: App;
  let storyId: string;
  before(async () => {
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => app?.close());

  it('adapts, shows what it would change, and is turned on and off', async () => {
    const admin = await signedInReader(app, 'chief@example.org', 'Chief', 'admin');
    const reader = await signedInReader(app, 'reader@example.org', 'Reader');
    const insult = `Vikram is a ${NEW_INSULT}, plain and simple.`;
    const before = await reader.api('POST', `/api/stories/${storyId}/comments`, { body: insult }, reader.h);
    assert.equal(before.json().comment.status, 'published', 'the shipped model does not know the word');

    // too few examples: a clear refusal, nothing stored
    const early = await admin.api('POST', '/api/admin/moderation/models', undefined, admin.h);
    assert.equal(early.status, 409);
    assert.equal(early.json().error.code, 'NOT_ENOUGH_EXAMPLES');

    for (let i = 0; i < 60; i++) {
      const text = i % 2 ? abusive(i) : clean(i);
      await recordDecisionExample(app.services, {
        siteId: 'demo',
        commentId: `c${i}`,
        text,
        facts:
          i % 2
            ? { status: 'published', appealed: false, action: 'refuse', reason: 'personal' }
            : { status: 'pending', appealed: false, action: 'approve' },
        by: 'Moderator',
      });
    }
    const trained = await admin.api('POST', '/api/admin/moderation/models', undefined, admin.h);
    assert.equal(trained.status, 201, trained.body);
    const report = trained.json();
    assert.equal(report.version, 1);
    assert.equal(report.examples.total, 60);
    assert.ok(
      report.replay.changed.some(
        (c: { id: string; after: string }) => c.id === before.json().comment.id && c.after !== 'publish',
      ),
      JSON.stringify(report.replay.changed),
    );

    // moderators can replay the candidate too, before anyone turns it on
    const mod = await signedInReader(app, 'mod@example.org', 'Mod', 'moderator');
    const replay = await mod.api('POST', '/api/admin/moderation/policy/replay', { changes: {}, model: 1 }, mod.h);
    assert.ok(replay.json().changed.some((c: { id: string }) => c.id === before.json().comment.id));
    assert.equal((await mod.api('POST', '/api/admin/moderation/models/active', { version: 1 }, mod.h)).status, 403);

    // still off: the same insult is published
    const stillOff = await reader.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: `Asha is a ${NEW_INSULT}.` },
      reader.h,
    );
    assert.equal(stillOff.json().comment.status, 'published');

    assert.equal((await admin.api('POST', '/api/admin/moderation/models/active', { version: 1 }, admin.h)).status, 200);
    const models = (await mod.api('GET', '/api/admin/moderation/models')).json().models;
    assert.deepEqual(
      models.map((m: { version: number; active: boolean }) => [m.version, m.active]),
      [[1, true]],
    );
    const on = await reader.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: `Kiran is a ${NEW_INSULT}.` },
      reader.h,
    );
    assert.notEqual(on.json().comment?.status ?? 'refused', 'published');

    const restored = await admin.api('POST', '/api/admin/moderation/models/restore', undefined, admin.h);
    assert.deepEqual(restored.json(), { active: null });
    const off = await reader.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: `Ravi is a ${NEW_INSULT} today.` },
      reader.h,
    );
    assert.equal(off.json().comment.status, 'published');
  });

  it('keeps a moderator decision about abuse as an example, and nothing from others', async () => {
    const kept = await recordDecisionExample(app.services, {
      siteId: 'demo',
      commentId: 'x1',
      text: 'Some words.',
      facts: { status: 'pending', appealed: false, action: 'refuse', reason: 'spam' },
      by: 'Moderator',
    });
    assert.equal(kept, false);
  });
});
