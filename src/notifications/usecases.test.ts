import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId } from '../http/testing.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import {
  emailModeOf,
  followStory,
  isFollowingStory,
  listNotifications,
  markNotificationsRead,
  notifyCommentPublished,
  sendDigests,
  setEmailMode,
  unsubscribeByToken,
} from './notifications.usecases.ts';

// The notifications' use cases called directly, on comments stored as
// published and then told of (posting tells of them after its answer).

describe('notifications use cases', () => {
  let app: App;
  let now = new Date('2026-06-15T06:30:00.000Z');
  let site: Site;
  let storyId: string;
  const user = async (email: string): Promise<User> =>
    (await app.services.usersRepository.get(await createTestUser(app, { email })))!;
  const mails = async (to: string) => app.services.outboxRepository.list('demo', 100, to);
  async function publish(u: User, body: string, parentId?: string) {
    const id = newId();
    await app.services.commentsRepository.insert({
      id,
      siteId: site.id,
      storyId,
      parentId: parentId ?? null,
      displayParentId: parentId ?? null,
      rootId: parentId ?? null,
      depth: parentId ? 1 : 0,
      authorId: u.id,
      authorName: u.displayName,
      body,
      bodyHtml: `<p>${body}</p>`,
      status: 'published',
      statusReason: null,
      moderation: '{}',
      contentHash: id,
      createdAt: now.toISOString(),
      idempotencyKey: null,
    });
    const comment = (await app.services.commentsRepository.get(id))!;
    const story = (await app.services.storiesRepository.get(storyId))!;
    await notifyCommentPublished(app.services, { site, story, comment });
    return comment;
  }

  before(async () => {
    app = await buildTestApp({ now: () => now, env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    site = (await app.services.sitesRepository.get('demo'))!;
    storyId = await demoArticleStoryId(app);
  });
  after(async () => {
    await app.close();
  });

  it('starts every reader at one e-mail per reply, and keeps what they choose', async () => {
    const u = await user('modes@example.org');
    assert.equal(await emailModeOf(app.services, u), 'each');
    await setEmailMode(app.services, { user: u, mode: 'daily' });
    assert.equal(await emailModeOf(app.services, u), 'daily');
  });

  it('follows and unfollows a story; followers hear of new comments, not of their own', async () => {
    const kabir = await user('follower@example.org');
    const ravi = await user('writer@example.org');
    assert.equal(await isFollowingStory(app.services, { user: kabir, storyId }), false);
    await followStory(app.services, { user: kabir, storyId, on: true });
    await followStory(app.services, { user: kabir, storyId, on: true });
    assert.equal(await isFollowingStory(app.services, { user: kabir, storyId }), true);
    await publish(kabir, 'A follower writes on the story too, as followers do.');
    assert.equal((await listNotifications(app.services, { user: kabir })).unread, 0);
    await publish(ravi, 'A new comment that the follower should hear about.');
    const list = await listNotifications(app.services, { user: kabir });
    assert.equal(list.unread, 1);
    assert.equal(list.items[0]!.kind, 'follow');
    assert.match(list.items[0]!.url, /\?comment=.+#comment-/);
    await followStory(app.services, { user: kabir, storyId, on: false });
    await publish(ravi, 'Another comment, after the follower has left the story.');
    assert.equal((await listNotifications(app.services, { user: kabir })).unread, 1);
  });

  it('marks some or all notifications read', async () => {
    const asha = await user('reads@example.org');
    const ravi = await user('replier@example.org');
    const c = await publish(asha, 'A comment that will draw two replies today.');
    await publish(ravi, 'The first reply to that comment, politely put.', c.id);
    await publish(ravi, 'The second reply to that comment, also polite.', c.id);
    const list = await listNotifications(app.services, { user: asha });
    assert.equal(list.unread, 2);
    await markNotificationsRead(app.services, { user: asha, ids: [list.items[0]!.id] });
    assert.equal((await listNotifications(app.services, { user: asha })).unread, 1);
    await markNotificationsRead(app.services, { user: asha, ids: null });
    assert.equal((await listNotifications(app.services, { user: asha })).unread, 0);
  });

  it('e-mails each reply at once only to readers who want that, with a verified address', async () => {
    const each = await user('each@example.org');
    const off = await user('off@example.org');
    const unverified = await user('unverified@example.org');
    await app.services.usersRepository.update(unverified.id, { emailVerified: false });
    await setEmailMode(app.services, { user: off, mode: 'off' });
    const ravi = await user('answers@example.org');
    for (const u of [each, off, unverified]) {
      const c = await publish(u, 'A comment by a reader who may get an e-mail.');
      await publish(ravi, 'A reply that may or may not go out by e-mail.', c.id);
    }
    assert.equal((await mails('each@example.org')).length, 1);
    assert.equal((await mails('off@example.org')).length, 0);
    assert.equal((await mails('unverified@example.org')).length, 0);
  });

  it('sends a digest when it is due, with what was not e-mailed yet', async () => {
    const digest = await user('digest@example.org');
    await setEmailMode(app.services, { user: digest, mode: 'daily' });
    const ravi = await user('digest-replier@example.org');
    const c = await publish(digest, 'A comment whose replies go out in a daily digest.');
    await publish(ravi, 'A reply that waits for the daily digest to go out.', c.id);
    assert.equal((await mails('digest@example.org')).length, 0);
    assert.ok((await sendDigests(app.services)) >= 1);
    assert.equal((await mails('digest@example.org')).length, 1);
    await publish(ravi, 'A second reply, on the same day as the first.', c.id);
    await sendDigests(app.services);
    assert.equal((await mails('digest@example.org')).length, 1);
    now = new Date(now.getTime() + 24 * 3_600_000);
    await sendDigests(app.services);
    const sent = await mails('digest@example.org');
    assert.equal(sent.length, 2);
  });

  it('unsubscribes by the token of the e-mails, and only by a real one', async () => {
    const u = await user('leaving@example.org');
    await emailModeOf(app.services, u);
    const settings = (await app.services.notificationsRepository.settings(u.id))!;
    assert.equal(await unsubscribeByToken(app.services, 'not-a-token'), false);
    assert.equal(await unsubscribeByToken(app.services, settings.unsubscribeToken), true);
    assert.equal(await emailModeOf(app.services, u), 'off');
  });
});
