import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUsersRepository } from '../accounts/users.repository.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { savePolicy } from './guidelines.usecases.ts';

describe('the guidelines decide every posted comment', () => {
  let app: App;
  let storyId: string;
  before(async () => {
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => app?.close());

  const post = (r: Awaited<ReturnType<typeof signedInReader>>, body: string, extra: Record<string, unknown> = {}) =>
    r.api('POST', `/api/stories/${storyId}/comments`, { body, ...extra }, r.h);

  it('publishes a civil English sentence and records every check and the policy version', async () => {
    const asha = await signedInReader(app, 'asha@example.org', 'Asha');
    const res = await post(asha, 'I agree with the minister on this.');
    assert.equal(res.status, 201);
    assert.equal(res.json().comment.status, 'published');
    const stored = JSON.parse((await app.services.commentsRepository.get(res.json().comment.id))!.moderation);
    assert.equal(stored.policyVersion, 'default-4');
    assert.deepEqual(Object.keys(stored.checks), [
      'length',
      'banned',
      'suspect',
      'english',
      'sentences',
      'abusive',
      'personal',
      'spam',
      'trust',
    ]);
    for (const c of Object.values(stored.checks) as { score: number; verdict: string }[])
      assert.ok(c.score >= 0 && c.score <= 1 && c.verdict === 'pass');
  });

  it('holds a personal attack in the middle band, and shows its author the words', async () => {
    const kiran = await signedInReader(app, 'kiran@example.org', 'Kiran');
    const held = await post(kiran, 'Asha, you are a liar and a coward.');
    assert.equal(held.status, 201);
    assert.equal(held.json().comment.status, 'pending');
    assert.equal(held.json().moderation.decision, 'hold');
    const words = held.json().moderation.highlights.map((h: { text: string }) => h.text);
    assert.ok(words.includes('coward'), words.join());
  });

  it('nudges before refusing a personal attack; sent anyway, it waits for a moderator and the author sees why', async () => {
    const ravi = await signedInReader(app, 'ravi@example.org', 'Ravi');
    // a site that refuses from the hold band on: every personal attack is a nudge first
    await savePolicy(app.services, {
      siteId: 'demo',
      baseVersion: 0,
      changes: { bands: { personal: { hold: null, refuse: 0.5 } } },
      by: 'test',
    });
    const refused = await post(ravi, 'Asha, you are a liar and a coward.');
    assert.equal(refused.status, 422);
    assert.equal(refused.json().error.code, 'COMMENT_REFUSED');
    assert.equal(refused.json().error.details.nudge, true);
    assert.match(refused.json().error.message, /cannot be personal/);
    const typed = 'Asha, you are a liar and a coward.';
    for (const h of refused.json().error.details.highlights) assert.equal(typed.slice(h.start, h.end), h.text);
    assert.ok(refused.json().error.details.highlights.some((h: { text: string; rule: string }) => h.text === 'coward'));
    const anyway = await post(ravi, 'Asha, you are a liar and a coward.', { sendAnyway: true });
    assert.equal(anyway.json().comment.status, 'pending');
    assert.match(anyway.json().comment.statusReason, /cannot be personal/);
    const stored = JSON.parse((await app.services.commentsRepository.get(anyway.json().comment.id))!.moderation);
    assert.equal(stored.sentAnyway, true);
    assert.equal(stored.checks.personal.verdict, 'fail');
    // readers do not see it
    assert.ok(
      !(await app.inject({ url: `/api/stories/${storyId}/comments` }))
        .json()
        .comments.some((c: { id: string }) => c.id === anyway.json().comment.id),
    );
  });

  it('refuses Hinglish with a nudge quoting the guideline', async () => {
    const meera = await signedInReader(app, 'meera@example.org', 'Meera');
    const res = await post(meera, 'mujhe lagta hai ki yeh faisla bilkul galat hai');
    assert.equal(res.status, 422);
    assert.match(res.json().error.message, /in English/);
  });

  it('holds the same promotional text posted under a second story', async () => {
    const spammer = await signedInReader(app, 'promo@example.org', 'Promo');
    const text = 'Earn money from home today; the details of the offer are on the notice board.';
    assert.equal((await post(spammer, text)).json().comment.status, 'published');
    const second = await app.services.storiesRepository.ensure({
      id: 'story-second',
      siteId: 'demo',
      key: 'url:https://news.test/other',
      articleId: null,
      url: 'https://news.test/other',
      title: 'Another story',
      openedAt: '2026-06-15T00:00:00.000Z',
      createdAt: '2026-06-15T00:00:00.000Z',
    });
    const again = await spammer.api('POST', `/api/stories/${second.id}/comments`, { body: text }, spammer.h);
    assert.equal(again.json().comment.status, 'pending');
    assert.match(again.json().comment.statusReason, /spam/);
    assert.match(
      JSON.parse((await app.services.commentsRepository.get(again.json().comment.id))!.moderation).checks.spam.reason,
      /same text/,
    );
  });

  it('holds a recently suspended author after the suspension ends', async () => {
    const tom = await signedInReader(app, 'tom@example.org', 'Tom');
    const users = createUsersRepository(app.services.storage);
    const u = await users.getByEmail('demo', 'tom@example.org');
    await users.update(u!.id, {
      status: 'active',
      sanctionUntil: '2026-06-10T00:00:00.000Z',
      sanctionedAt: '2026-06-03T00:00:00.000Z',
    });
    const res = await post(tom, 'I am back, and I will keep it civil this time.');
    assert.equal(res.json().comment.status, 'pending');
    assert.equal(
      JSON.parse((await app.services.commentsRepository.get(res.json().comment.id))!.moderation).checks.trust.verdict,
      'fail',
    );
  });
});

describe('the site policy: read, try on past comments, save', () => {
  let app: App;
  let storyId: string;
  before(async () => {
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => app?.close());

  it('moderators read and replay, only admins save, and a stale save is refused', async () => {
    const reader = await signedInReader(app, 'r@example.org', 'Reader');
    const mod = await signedInReader(app, 'mod@example.org', 'Mod', 'moderator');
    const admin = await signedInReader(app, 'admin@example.org', 'Admin', 'admin');
    for (const body of [
      'The harbour plan is rigged in favour of the big trawlers.',
      'The quotas look fair to me, on balance.',
      'The talks should include the smaller islands too.',
    ]) {
      assert.equal(
        (await reader.api('POST', `/api/stories/${storyId}/comments`, { body }, reader.h)).json().comment.status,
        'published',
      );
    }
    assert.equal((await reader.api('GET', '/api/admin/moderation/policy')).status, 403);
    const current = (await mod.api('GET', '/api/admin/moderation/policy')).json();
    assert.equal(current.version, 0);
    assert.equal(current.name, 'default-4');

    // what would listing "rigged" as suspect do? One past comment would have been held.
    const replay = await mod.api(
      'POST',
      '/api/admin/moderation/policy/replay',
      { changes: { words: { suspect: ['rigged'] } } },
      mod.h,
    );
    assert.equal(replay.status, 200);
    assert.equal(replay.json().compared, 3);
    assert.equal(replay.json().changedCount, 1);
    assert.deepEqual(replay.json().counts.after, { publish: 2, hold: 1, refuse: 0 });
    assert.equal(replay.json().changed[0].before, 'publish');
    assert.equal(replay.json().changed[0].after, 'hold');
    assert.deepEqual(replay.json().changed[0].reasons, ['suspect']);
    assert.deepEqual(
      replay.json().changed[0].highlights.map((h: { text: string; rule: string }) => [h.text, h.rule]),
      [['rigged', 'suspect']],
    );

    const change = { baseVersion: 0, changes: { words: { suspect: ['rigged'] } } };
    assert.equal((await mod.api('PUT', '/api/admin/moderation/policy', change, mod.h)).status, 403);
    const saved = await admin.api('PUT', '/api/admin/moderation/policy', change, admin.h);
    assert.equal(saved.status, 200);
    assert.equal(saved.json().version, 1);
    assert.deepEqual(saved.json().policy.words.suspect, ['rigged']);
    const stale = await admin.api(
      'PUT',
      '/api/admin/moderation/policy',
      { baseVersion: 0, changes: { trust: { mode: 'all' } } },
      admin.h,
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.json().error.code, 'POLICY_CONFLICT');
    const bad = await admin.api(
      'PUT',
      '/api/admin/moderation/policy',
      { baseVersion: 1, changes: { trust: { mode: 'sometimes' } } },
      admin.h,
    );
    assert.equal(bad.status, 400);

    // the saved policy applies at once, and decisions name its version
    const held = await reader.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: 'The vote was rigged from the start, I am sure.' },
      reader.h,
    );
    assert.equal(held.json().comment.status, 'pending');
    assert.equal(
      JSON.parse((await app.services.commentsRepository.get(held.json().comment.id))!.moderation).policyVersion,
      'demo-1',
    );
    assert.deepEqual(
      (await mod.api('GET', '/api/admin/moderation/policy/versions'))
        .json()
        .versions.map((v: { version: number }) => v.version),
      [1],
    );
  });

  it('pre-moderates new readers when the site asks for it', async () => {
    const admin = await signedInReader(app, 'admin@example.org', 'Admin', 'admin');
    const { version } = (await admin.api('GET', '/api/admin/moderation/policy')).json();
    assert.equal(
      (
        await admin.api(
          'PUT',
          '/api/admin/moderation/policy',
          { baseVersion: version, changes: { trust: { mode: 'new', minPublished: 1 } } },
          admin.h,
        )
      ).status,
      200,
    );
    const newcomer = await signedInReader(app, 'new@example.org', 'Newcomer');
    const first = await newcomer.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: 'My first comment here: the talks matter to my town.' },
      newcomer.h,
    );
    assert.equal(first.json().comment.status, 'pending');
    assert.match(first.json().comment.statusReason, /moderator/);
  });
});
