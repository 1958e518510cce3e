import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import * as endpoints from './endpoints.ts';
import { comment, fakeFetch, noContent, story } from './testing.ts';

let restore = () => {};
afterEach(() => restore());

function withFetch(...answers: unknown[]) {
  const f = fakeFetch(...answers);
  restore = f.restore;
  return f.calls;
}

/** method, path and body of each request */
const requests = (calls: ReturnType<typeof withFetch>) =>
  calls.map((c) => [c.method, c.path, ...(c.body === undefined ? [] : [c.body])]);

describe('the API calls', () => {
  it('finds the story by its id, or resolves it from the page address', async () => {
    const calls = withFetch({ story: story({ id: 'st-1' }) }, story({ id: 'st-2' }), story({ id: 'st-3' }));
    assert.equal((await endpoints.findStory({ frame: false, storyId: 'st-1' })).id, 'st-1');
    assert.equal(
      (await endpoints.findStory({ frame: true, url: 'https://blog.example/p', externalId: 'post-7', title: 'Seven' }))
        .id,
      'st-2',
    );
    assert.equal((await endpoints.findStory({ frame: true })).id, 'st-3');
    assert.deepEqual(requests(calls), [
      ['GET', '/api/stories/st-1/comments?limit=1'],
      ['GET', '/api/stories/resolve?url=https%3A%2F%2Fblog.example%2Fp&storyId=post-7&title=Seven'],
      ['GET', '/api/stories/resolve?url='],
    ]);
  });

  it('asks for a page of comments by sort and tab, from a cursor', async () => {
    const page = { story: story(), comments: [comment('a')], nextCursor: 'k2' };
    const calls = withFetch(page, page);
    assert.deepEqual(await endpoints.getComments('st-1', 'newest', 'all', null), page);
    await endpoints.getComments('st-1', 'reactions', 'featured', 'k1');
    assert.deepEqual(requests(calls), [
      ['GET', '/api/stories/st-1/comments?sort=newest&limit=20&tab=all'],
      ['GET', '/api/stories/st-1/comments?sort=reactions&limit=20&tab=featured&cursor=k1'],
    ]);
  });

  it("fetches all of a comment's replies, page after page", async () => {
    const calls = withFetch(
      { comments: [comment('r1'), comment('r2')], nextCursor: 'p2' },
      { comments: [comment('r3')], nextCursor: null },
    );
    const replies = await endpoints.getAllReplies('c1');
    assert.deepEqual(
      replies.map((r) => r.id),
      ['r1', 'r2', 'r3'],
    );
    assert.deepEqual(requests(calls), [
      ['GET', '/api/comments/c1/replies?limit=50'],
      ['GET', '/api/comments/c1/replies?limit=50&cursor=p2'],
    ]);
  });

  it("gets a permalink's whole thread", async () => {
    const calls = withFetch({ thread: comment('root') });
    assert.equal((await endpoints.getThread('deep')).id, 'root');
    assert.deepEqual(requests(calls), [['GET', '/api/comments/deep/context']]);
  });

  it('posts a comment or a reply with its idempotency key, and answers the comment', async () => {
    const calls = withFetch(
      { comment: comment('n'), moderation: { decision: 'publish' } },
      {
        comment: comment('r'),
        moderation: { decision: 'hold', highlights: [{ start: 0, end: 3, rule: 'abusive', text: 'Yes' }] },
      },
    );
    const n = await endpoints.postComment('st-1', { body: 'Hello', parentId: null, sendAnyway: false }, 'key-1');
    assert.equal(n.id, 'n');
    assert.deepEqual(n.flagged, []);
    const r = await endpoints.postComment('st-1', { body: 'Yes', parentId: 'n', sendAnyway: true }, 'key-2');
    assert.deepEqual(
      r.flagged.map((h) => h.text),
      ['Yes'],
    );
    assert.deepEqual(requests(calls), [
      ['POST', '/api/stories/st-1/comments', { body: 'Hello', parentId: null, sendAnyway: false }],
      ['POST', '/api/stories/st-1/comments', { body: 'Yes', parentId: 'n', sendAnyway: true }],
    ]);
    assert.equal(calls[0]!.headers['idempotency-key'], 'key-1');
    assert.equal(calls[1]!.headers['idempotency-key'], 'key-2');
  });

  it('changes a comment: edit, delete, reaction, featured, report', async () => {
    const calls = withFetch(
      comment('c1'),
      noContent(),
      { count: 1, mine: true },
      { count: 0, mine: false },
      noContent(),
      noContent(),
      noContent(),
      noContent(),
    );
    assert.equal((await endpoints.editComment('c1', 'Better words')).id, 'c1');
    await endpoints.deleteComment('c1');
    assert.deepEqual(await endpoints.setReaction('c1', true), { count: 1, mine: true });
    assert.deepEqual(await endpoints.setReaction('c1', false), { count: 0, mine: false });
    await endpoints.setFeatured('c1', true);
    await endpoints.setFeatured('c1', false);
    await endpoints.reportComment('c1', 'spam', '');
    await endpoints.reportComment('c1', 'other', 'It repeats itself.');
    assert.deepEqual(requests(calls), [
      ['PATCH', '/api/comments/c1', { body: 'Better words' }],
      ['DELETE', '/api/comments/c1'],
      ['PUT', '/api/comments/c1/reaction'],
      ['DELETE', '/api/comments/c1/reaction'],
      ['PUT', '/api/comments/c1/featured'],
      ['DELETE', '/api/comments/c1/featured'],
      ['POST', '/api/comments/c1/reports', { reason: 'spam' }],
      ['POST', '/api/comments/c1/reports', { reason: 'other', note: 'It repeats itself.' }],
    ]);
  });

  it('follows a story and reads the bell', async () => {
    const calls = withFetch(
      { following: false },
      { following: true },
      { following: false },
      { unread: 2, items: [] },
      noContent(),
    );
    assert.equal(await endpoints.getFollowing('st-1'), false);
    assert.equal(await endpoints.setFollowing('st-1', true), true);
    assert.equal(await endpoints.setFollowing('st-1', false), false);
    assert.deepEqual(await endpoints.getNotifications(), { unread: 2, items: [] });
    await endpoints.markNotificationsRead();
    assert.deepEqual(requests(calls), [
      ['GET', '/api/stories/st-1/follow'],
      ['PUT', '/api/stories/st-1/follow'],
      ['DELETE', '/api/stories/st-1/follow'],
      ['GET', '/api/me/notifications'],
      ['POST', '/api/me/notifications/read', {}],
    ]);
  });

  it("reads the session and the site's settings, and trades a sign-on token for a bearer token", async () => {
    const calls = withFetch(
      { user: null, csrfToken: 'c' },
      { siteName: 'Paper' },
      { user: { id: 'u' }, bearer: { token: 'bearer-1' } },
    );
    assert.deepEqual(await endpoints.getSession(), { user: null, csrfToken: 'c' });
    assert.equal((await endpoints.getConfig()).siteName, 'Paper');
    assert.equal(await endpoints.signOnWith('jwt'), 'bearer-1');
    assert.deepEqual(requests(calls), [
      ['GET', '/api/auth/session'],
      ['GET', '/api/embed/config'],
      ['POST', '/api/auth/sso', { token: 'jwt' }],
    ]);
  });
});
