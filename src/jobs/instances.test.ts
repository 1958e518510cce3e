import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import { twoInstances } from '../events/testing.ts';
import type { App } from '../http/app.ts';
import { createTestUser, demoArticleStoryId } from '../http/testing.ts';
import { notifyCommentPublished, sendDigests, setEmailMode } from '../notifications/notifications.usecases.ts';
import { newId } from '../shared/ids.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { parleyJobs } from './jobs.ts';

// Exactly once across instances: two job runners on one PostgreSQL database.

const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;
const READERS = 30;

describe('jobs on several instances', { skip: pgEngine.skip }, () => {
  let pair: Awaited<ReturnType<typeof twoInstances>>;
  let now = new Date('2026-06-15T06:30:00.000Z');
  let readers: User[] = [];
  let replier: User;
  let storyId: string;

  async function comment(app: App, u: User, parentId?: string) {
    const id = newId();
    const site = (await app.services.sitesRepository.get('demo'))!;
    await app.services.commentsRepository.insert({
      id,
      siteId: 'demo',
      storyId,
      parentId: parentId ?? null,
      displayParentId: parentId ?? null,
      rootId: parentId ?? null,
      depth: parentId ? 1 : 0,
      authorId: u.id,
      authorName: u.displayName,
      body: `A comment ${id}`,
      bodyHtml: `<p>A comment ${id}</p>`,
      status: 'published',
      statusReason: null,
      moderation: '{}',
      contentHash: id,
      createdAt: now.toISOString(),
      idempotencyKey: null,
    });
    const c = (await app.services.commentsRepository.get(id))!;
    const story = (await app.services.storiesRepository.get(storyId))!;
    await notifyCommentPublished(app.services, { site, story, comment: c });
    return c;
  }

  /** Every reader gets a reply waiting for the daily digest. */
  async function repliesToEveryone() {
    for (const r of readers) await comment(pair.a, replier, (await comment(pair.a, r)).id);
  }

  const digestsTo = async (app: App, u: User) =>
    (await app.services.outboxRepository.list('demo', 1000, u.email ?? undefined)).length;

  before(async () => {
    pair = await twoInstances({ PARLEY_COMMENTS_PER_MINUTE: '1000' }, () => now);
    const { a } = pair;
    storyId = await demoArticleStoryId(a);
    const user = async (email: string) => (await a.services.usersRepository.get(await createTestUser(a, { email })))!;
    replier = await user('replier@example.org');
    for (let i = 0; i < READERS; i++) {
      const r = await user(`digest-${i}@example.org`);
      await setEmailMode(a.services, { user: r, mode: 'daily' });
      readers.push(r);
    }
    readers = readers.filter(Boolean);
  });
  after(async () => pair.close());

  it('runs a claimed job on one instance only, and each reader gets one digest', async () => {
    await repliesToEveryone();
    const digestsOf = (app: App, holder: string) => parleyJobs(app.services, holder).find((j) => j.name === 'digests')!;
    const results = await Promise.all([digestsOf(pair.a, 'A').run(), digestsOf(pair.b, 'B').run()]);
    assert.equal(results.filter((r) => r === 'skipped').length, 1, `one instance ran the job: ${results}`);
    for (const r of readers) assert.equal(await digestsTo(pair.a, r), 1, String(r.email));
  });

  it('sends each digest once even when two instances run the digests at the same moment', async () => {
    now = new Date(now.getTime() + 24 * 3_600_000);
    await repliesToEveryone();
    const [sentA, sentB] = await Promise.all([sendDigests(pair.a.services), sendDigests(pair.b.services)]);
    assert.equal(sentA + sentB, READERS);
    for (const r of readers) assert.equal(await digestsTo(pair.a, r), 2, String(r.email));
  });
});
