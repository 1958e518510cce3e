import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, demoArticleStoryId, lastMail, pathOf, signedInReader } from '../http/testing.ts';
import { emailModeOf, sendDigests } from './notifications.usecases.ts';

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await f();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  return f();
}

describe('reply notifications', () => {
  let app: App;
  let storyId: string;
  let now = new Date('2026-06-15T06:30:00.000Z');
  type Reader = Awaited<ReturnType<typeof signedInReader>>;
  const reader = (email: string, name: string) => signedInReader(app, email, name);
  const post = (a: Reader, body: string, parentId?: string) =>
    a
      .api('POST', `/api/stories/${storyId}/comments`, { body, ...(parentId ? { parentId } : {}) }, a.h)
      .then((r) => r.json().comment);
  const mailsTo = async (to: string) => (await app.services.outboxRepository.list('demo', 100, to)).length;

  before(async () => {
    app = await buildTestApp({ now: () => now, env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => {
    await app.close();
  });

  it('tells the author of a comment about a reply, in the bell and by e-mail with an unsubscribe link', async () => {
    const asha = await reader('asha@example.org', 'Asha');
    const ravi = await reader('ravi@example.org', 'Ravi');
    const c = await post(asha, 'The quota figures should be published.');
    await post(ravi, 'I agree with you about the figures.', c.id);
    const list = await until(
      () => asha.api('GET', '/api/me/notifications').then((r) => r.json()),
      (v) => v.unread === 1,
    );
    assert.equal(list.unread, 1);
    assert.equal(list.items[0].kind, 'reply');
    assert.equal(list.items[0].actorName, 'Ravi');
    assert.equal(list.items[0].excerpt, 'I agree with you about the figures.');
    assert.match(list.items[0].url, /\?comment=[a-z0-9]+#comment-/);
    const mail = await until(
      () => lastMail(app, 'asha@example.org'),
      (m) => /replied/.test(m.subject),
    );
    assert.equal(mail.subject, 'Ravi replied to your comment');
    assert.match(mail.text, /Stop these e-mails: https:\/\/news.test\/account\/unsubscribe\?token=/);
    // nobody is told about their own words
    assert.equal((await ravi.api('GET', '/api/me/notifications')).json().unread, 0);
    await asha.api('POST', '/api/me/notifications/read', {}, asha.h);
    assert.equal((await asha.api('GET', '/api/me/notifications')).json().unread, 0);
  });

  it('tells followers of a story about new comments, until they stop following', async () => {
    const meera = await reader('meera@example.org', 'Meera');
    const ravi = await reader('ravi@example.org', 'Ravi');
    assert.equal((await meera.api('PUT', `/api/stories/${storyId}/follow`, undefined, meera.h)).json().following, true);
    await post(ravi, 'A new point about patrol vessels and costs.');
    const list = await until(
      () => meera.api('GET', '/api/me/notifications').then((r) => r.json()),
      (v) => v.unread === 1,
    );
    assert.equal(list.items[0].kind, 'follow');
    await meera.api('DELETE', `/api/stories/${storyId}/follow`, undefined, meera.h);
    await post(ravi, 'Another point nobody following will hear about.');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await meera.api('GET', '/api/me/notifications')).json().unread, 1);
  });

  it('sends hourly digests instead of single mails, when the reader asks', async () => {
    const kabir = await reader('kabir@example.org', 'Kabir');
    const ravi = await reader('ravi@example.org', 'Ravi');
    await kabir.api('PUT', '/api/me/notification-settings', { emailMode: 'hourly' }, kabir.h);
    const c = await post(kabir, 'An opinion that draws several replies.');
    await post(ravi, 'First reply to the opinion, with respect.', c.id);
    await post(ravi, 'Second reply to the opinion, also civil.', c.id);
    await until(
      () => kabir.api('GET', '/api/me/notifications').then((r) => r.json()),
      (v) => v.unread === 2,
    );
    assert.equal(await mailsTo('kabir@example.org'), 0);
    assert.equal(await sendDigests(app.services), 1);
    const mail = await lastMail(app, 'kabir@example.org');
    assert.equal(mail.subject, '2 new replies and comments on The Meridian Herald');
    assert.match(mail.text, /First reply[\s\S]*Second reply/);
    await post(ravi, 'A third reply, soon after the digest.', c.id);
    await until(
      () => kabir.api('GET', '/api/me/notifications').then((r) => r.json()),
      (v) => v.unread === 3,
    );
    assert.equal(await sendDigests(app.services), 0);
    now = new Date(now.getTime() + 61 * 60_000);
    assert.equal(await sendDigests(app.services), 1);
    assert.equal(await mailsTo('kabir@example.org'), 2);
  });

  it('unsubscribes with one click from the e-mail, without logging in', async () => {
    const mail = await lastMail(app, 'asha@example.org');
    const link = /Stop these e-mails: (\S+)/.exec(mail.text)![1]!;
    const stranger = agent(app);
    const page = await stranger.get(pathOf(link));
    assert.match(page.body, /Stop these e-mails<\/button>/);
    const token = new URL(link).searchParams.get('token')!;
    const done = await app.inject({ method: 'POST', url: '/account/unsubscribe', payload: { token } });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /no more e-mails about replies/);
    const asha = await app.services.usersRepository.getByEmail('demo', 'asha@example.org');
    assert.equal(await emailModeOf(app.services, asha!), 'off');
    assert.equal(
      (await app.inject({ method: 'POST', url: '/account/unsubscribe', payload: { token: 'nope' } })).statusCode,
      400,
    );
  });

  it('lets readers choose in their profile', async () => {
    const asha = await reader('asha@example.org', 'Asha');
    const profile = await asha.get('/account');
    assert.match(profile.body, /id="mode-off" name="emailMode" value="off" checked/);
    assert.equal(
      (await asha.post('/account/notifications', { emailMode: 'daily' })).headers.location,
      '/account?notice=notifications-saved',
    );
    assert.match((await asha.get('/account')).body, /id="mode-daily" name="emailMode" value="daily" checked/);
  });
});
