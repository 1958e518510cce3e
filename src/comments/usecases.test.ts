import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { ParleyEvent } from '../events/bus.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId, errorCode } from '../http/testing.ts';
import type { Site } from '../sites/sites.repository.ts';
import { deleteComment, editComment } from './editing.usecases.ts';
import { postComment } from './posting.usecases.ts';
import { featureComment, reactToComment, reportComment } from './reactions.usecases.ts';
import { countComments, countKeys, setStoryClosed, storyForArticle, storyForEmbed } from './stories.usecases.ts';
import { listMyComments, readCommentContext, readReplies, readThread } from './threads.usecases.ts';

// The comments' use cases called directly, on a whole Parley with a clock the tests move.

describe('comments use cases', () => {
  let app: App;
  let now = new Date('2026-06-15T06:30:00.000Z');
  let site: Site;
  let storyId: string;
  const events: ParleyEvent[] = [];
  const user = async (email: string, role: 'reader' | 'moderator' = 'reader'): Promise<User> =>
    (await app.services.usersRepository.get(await createTestUser(app, { email, role })))!;
  const code = errorCode;
  const post = (u: User, body: string, extra: { parentId?: string; idempotencyKey?: string } = {}) =>
    postComment(app.services, { site, user: u, storyId, body, ...extra });

  before(async () => {
    app = await buildTestApp({
      now: () => now,
      env: { PARLEY_COMMENTS_PER_MINUTE: '5' },
      policy: { spam: { floodPerTenMinutes: 1000 } },
    });
    site = (await app.services.sitesRepository.get('demo'))!;
    storyId = await demoArticleStoryId(app);
    app.services.bus.subscribe((e) => events.push(e));
  });
  after(async () => {
    await app.close();
  });

  it('answers a retry with the same Idempotency-Key with the comment already there', async () => {
    const u = await user('key@example.org');
    const first = await post(u, 'A comment sent over a slow connection.', { idempotencyKey: 'k-1' });
    assert.equal(first.duplicate, false);
    const again = await post(u, 'Even other words: the key decides.', { idempotencyKey: 'k-1' });
    assert.equal(again.duplicate, true);
    assert.equal(again.comment.id, first.comment.id);
    assert.equal(again.moderation.decision, 'publish');
    // A key is the author's own: another reader's same key is another comment.
    const other = await post(await user('key2@example.org'), 'Mine, with the same key.', { idempotencyKey: 'k-1' });
    assert.equal(other.duplicate, false);
  });

  it('treats the same words under the same parent within a minute as a resubmission, not later', async () => {
    const u = await user('resubmit@example.org');
    const first = await post(u, 'The same words, sent twice.');
    now = new Date(now.getTime() + 59_000);
    assert.equal((await post(u, 'The same words, sent twice.')).comment.id, first.comment.id);
    // Under another parent, the same words are a new comment.
    const reply = await post(u, 'The same words, sent twice.', { parentId: first.comment.id });
    assert.equal(reply.duplicate, false);
    now = new Date(now.getTime() + 2_000);
    const later = await post(u, 'The same words, sent twice.');
    assert.equal(later.duplicate, false);
    assert.notEqual(later.comment.id, first.comment.id);
  });

  it('limits how fast one reader posts, per minute', async () => {
    const u = await user('fast@example.org');
    for (let i = 0; i < 5; i++) await post(u, `Quick thought number ${i} on the talks.`);
    assert.equal(await code(post(u, 'One too many.')), 'COMMENT_RATE_LIMITED');
    now = new Date(now.getTime() + 60_000);
    assert.equal((await post(u, 'A minute later, allowed again.')).duplicate, false);
  });

  it('refuses a reply to a comment that is not there, or not on this story', async () => {
    const u = await user('orphan@example.org');
    assert.equal(await code(post(u, 'Replying to nothing.', { parentId: 'nope' })), 'PARENT_NOT_FOUND');
    const elsewhere = await storyForEmbed(app.services, { site, url: 'https://blog.example/p/elsewhere' });
    const there = await postComment(app.services, {
      site,
      user: u,
      storyId: elsewhere.id,
      body: 'This comment sits on another story entirely.',
    });
    assert.equal(await code(post(u, 'Replying across stories.', { parentId: there.comment.id })), 'PARENT_NOT_FOUND');
  });

  it('announces a published comment to open threads with its public view', async () => {
    const u = await user('announce@example.org');
    events.length = 0;
    const { comment } = await post(u, 'Announced to every open thread.');
    const e = events.find((x) => x.type === 'comment.changed' && x.commentId === comment.id);
    assert.ok(e && e.type === 'comment.changed');
    assert.equal(e.change, 'created');
    assert.equal((e.comment as { mine: boolean; editableUntil: string | null }).mine, false);
    assert.equal((e.comment as { editableUntil: string | null }).editableUntil, null);
  });

  it('announces a reaction with its new count, and a reply to the bells of the readers on the story', async () => {
    const a = await user('reacted-to@example.org');
    const b = await user('reacting@example.org');
    const { comment } = await post(a, 'A comment that readers will react to.');
    events.length = 0;
    await reactToComment(app.services, { site, user: b, commentId: comment.id, on: true });
    const e = events.find((x) => x.type === 'comment.changed' && x.change === 'reacted');
    assert.ok(e && e.type === 'comment.changed');
    assert.equal(e.commentId, comment.id);
    assert.equal(e.reactionCount, 1);
    assert.equal(e.comment, null);
    events.length = 0;
    await post(b, 'A reply that notifies the author of the comment.', { parentId: comment.id });
    for (let i = 0; i < 50 && !events.some((x) => x.type === 'notifications.changed'); i++)
      await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(
      events.find((x) => x.type === 'notifications.changed'),
      { type: 'notifications.changed', siteId: site.id, storyId },
    );
  });

  it('edits within the window, keeping the revision, and not after it', async () => {
    const u = await user('edit@example.org');
    const { comment } = await post(u, 'This is the text before the edit.');
    const edited = await editComment(app.services, {
      site,
      user: u,
      commentId: comment.id,
      body: 'This is the text after the edit.',
    });
    assert.equal(edited.html, '<p>This is the text after the edit.</p>');
    assert.ok(edited.editedAt);
    assert.deepEqual(
      (await app.services.commentsRepository.revisions(comment.id)).map((r) => r.body),
      ['This is the text before the edit.'],
    );
    const other = await user('not-author@example.org');
    assert.equal(
      await code(editComment(app.services, { site, user: other, commentId: comment.id, body: 'Hijack.' })),
      'NOT_YOUR_COMMENT',
    );
    now = new Date(now.getTime() + 601_000);
    assert.equal(
      await code(editComment(app.services, { site, user: u, commentId: comment.id, body: 'Too late.' })),
      'EDIT_WINDOW_CLOSED',
    );
  });

  it('deletes to a placeholder that keeps the replies readable, once', async () => {
    const asha = await user('placeholder@example.org');
    const ravi = await user('placeholder-reply@example.org');
    const { comment } = await post(asha, 'A comment that gets answered.');
    const { comment: answer } = await post(ravi, 'An answer that stays.', { parentId: comment.id });
    await deleteComment(app.services, { site, user: asha, commentId: comment.id });
    await deleteComment(app.services, { site, user: asha, commentId: comment.id });
    const { thread } = await readCommentContext(app.services, { site, commentId: answer.id, viewer: null });
    assert.equal(thread.id, comment.id);
    assert.equal(thread.deleted, true);
    assert.equal(thread.html, '');
    assert.equal(thread.replies[0]!.id, answer.id);
    assert.equal(
      await code(editComment(app.services, { site, user: asha, commentId: comment.id, body: 'Back.' })),
      'COMMENT_DELETED',
    );
  });

  it('lets readers react to others’ comments once, never to their own', async () => {
    const asha = await user('react-author@example.org');
    const ravi = await user('reactor@example.org');
    const { comment } = await post(asha, 'This comment is worth a reaction from readers.');
    const react = (u: User, on: boolean) => reactToComment(app.services, { site, user: u, commentId: comment.id, on });
    assert.equal(await code(react(asha, true)), 'CANNOT_REACT_OWN');
    assert.deepEqual(await react(ravi, true), { count: 1, mine: true });
    assert.equal((await app.services.commentsRepository.get(comment.id))!.reactionCount, 1);
    assert.deepEqual(await react(ravi, true), { count: 1, mine: true });
    assert.deepEqual(await react(ravi, false), { count: 0, mine: false });
    assert.equal(
      await code(reactToComment(app.services, { site, user: ravi, commentId: 'nope', on: true })),
      'COMMENT_NOT_FOUND',
    );
  });

  it('takes one report per reader and comment, queues it for moderators, and keeps a short note', async () => {
    const asha = await user('reported@example.org');
    const ravi = await user('reporter@example.org');
    const { comment } = await post(asha, 'Something someone will report.');
    events.length = 0;
    const report = () =>
      reportComment(app.services, {
        site,
        user: ravi,
        commentId: comment.id,
        reason: 'spam',
        note: `  ${'n'.repeat(600)}`,
      });
    await report();
    assert.ok(events.some((e) => e.type === 'moderation.changed' && e.commentId === comment.id));
    assert.equal(await code(report()), 'ALREADY_REPORTED');
    assert.equal(await app.services.commentsRepository.reportCount(comment.id), 1);
    const note = await app.services.storage.db
      .selectFrom('reports')
      .select('note')
      .where('comment_id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(note.note, 'n'.repeat(500));
  });

  it('features comments and closes stories for staff only', async () => {
    const reader = await user('not-staff@example.org');
    const mod = await user('staff@example.org', 'moderator');
    const { comment } = await post(reader, 'A comment worth featuring.');
    assert.equal(
      await code(featureComment(app.services, { site, user: reader, commentId: comment.id, on: true })),
      'STAFF_ONLY',
    );
    await featureComment(app.services, { site, user: mod, commentId: comment.id, on: true });
    const story = (await app.services.storiesRepository.get(storyId))!;
    const featured = await readThread(app.services, {
      site,
      story,
      sort: 'newest',
      limit: 10,
      viewer: null,
      featured: true,
    });
    assert.deepEqual(
      featured.comments.map((c) => c.id),
      [comment.id],
    );
    assert.equal(await code(setStoryClosed(app.services, { site, user: reader, storyId, closed: true })), 'STAFF_ONLY');
    assert.equal(
      await code(setStoryClosed(app.services, { site, user: mod, storyId: 'nope', closed: true })),
      'STORY_NOT_FOUND',
    );
    await setStoryClosed(app.services, { site, user: mod, storyId, closed: true });
    assert.equal(await code(post(reader, 'Posted to a closed story.')), 'STORY_CLOSED');
    await setStoryClosed(app.services, { site, user: mod, storyId, closed: false });
  });

  it('pages "more replies" under a comment with a cursor', async () => {
    const asha = await user('many-replies@example.org');
    const { comment } = await post(asha, 'A comment with many replies.');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      now = new Date(now.getTime() + 61_000);
      ids.push((await post(asha, `Reply ${i} in a long list.`, { parentId: comment.id })).comment.id);
    }
    const first = await readReplies(app.services, { site, parentId: comment.id, limit: 3, viewer: null });
    assert.deepEqual(
      first.comments.map((c) => c.id),
      ids.slice(0, 3),
    );
    assert.ok(first.nextCursor);
    const rest = await readReplies(app.services, {
      site,
      parentId: comment.id,
      cursor: first.nextCursor,
      limit: 3,
      viewer: null,
    });
    assert.deepEqual(
      rest.comments.map((c) => c.id),
      ids.slice(3),
    );
    assert.equal(rest.nextCursor, null);
  });

  it('lists a reader’s own comments, newest first, in pages', async () => {
    const u = await user('mine@example.org');
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 61_000);
      await post(u, `My comment number ${i}.`);
    }
    const page = await listMyComments(app.services, { user: u, limit: 2 });
    assert.deepEqual(
      page.comments.map((c) => c.html),
      ['<p>My comment number 2.</p>', '<p>My comment number 1.</p>'],
    );
    const rest = await listMyComments(app.services, { user: u, limit: 2, cursor: page.nextCursor! });
    assert.equal(rest.comments.length, 1);
    assert.equal(rest.nextCursor, null);
  });

  it('finds or makes the stories of embedding pages by their id or normalised address', async () => {
    const a = await storyForEmbed(app.services, { site, storyId: 'post-1', url: 'https://blog.example/a', title: 'A' });
    const b = await storyForEmbed(app.services, { site, storyId: 'post-1', url: 'https://blog.example/moved' });
    assert.equal(a.id, b.id);
    const c = await storyForEmbed(app.services, {
      site,
      url: 'https://blog.example/p?utm_source=x',
      title: 't'.repeat(400),
    });
    assert.equal(c.key.startsWith('url:'), true);
    assert.equal(c.title.length, 300);
    assert.equal(await code(storyForEmbed(app.services, { site, url: 'javascript:alert(1)' })), 'STORY_URL_INVALID');
    const article = (await app.services.articlesRepository.getPublishedBySlug(
      'demo',
      'island-nations-agree-to-reopen-fisheries-talks',
    ))!;
    const own = await storyForArticle(app.services, { site, article, url: 'https://news.test/x' });
    assert.equal(own.id, storyId);
  });

  it('counts comments by the keys asked, normalising addresses and capping at 200 keys', async () => {
    const keys = countKeys(' ext:a , ,url:https://Blog.example/p/1?utm_source=x,article:z');
    assert.deepEqual([...keys.values()], ['ext:a', 'url:https://Blog.example/p/1?utm_source=x', 'article:z']);
    assert.equal(countKeys(Array.from({ length: 300 }, (_, i) => `ext:${i}`).join(',')).size, 200);
    const story = await storyForEmbed(app.services, { site, storyId: 'counted', url: 'https://blog.example/counted' });
    await postComment(app.services, {
      site,
      user: await user('counted@example.org'),
      storyId: story.id,
      body: 'This comment is one to be counted.',
    });
    assert.deepEqual(await countComments(app.services, { site, keys: 'ext:counted,ext:unknown' }), {
      'ext:counted': 1,
      'ext:unknown': 0,
    });
  });
});
