import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ModerationPipeline, ModerationResult } from '../guidelines/pipeline.ts';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser, demoArticleStoryId, signedInReader } from '../http/testing.ts';

const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

describe('comments', () => {
  let app: App;
  let now = new Date('2026-06-15T06:30:00.000Z');
  let storyId: string;
  type Reader = Awaited<ReturnType<typeof signedInReader>>;
  const signedIn = (email: string, name: string, role: 'reader' | 'moderator' | 'editor' = 'reader') =>
    signedInReader(app, email, name, role);

  async function post(
    a: Reader,
    body: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    return a.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body, ...extra },
      { ...(await a.csrfHeader()), ...headers },
    );
  }

  before(async () => {
    app = await buildTestApp({
      now: () => now,
      env: { PARLEY_COMMENTS_PER_MINUTE: '1000' },
      policy: { spam: { floodPerTenMinutes: 1000 } },
    });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => {
    await app.close();
  });

  it('posts a comment that everyone then sees, sanitised, on the page and through the API', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    // parentId null, as the widget sends it
    const res = await post(asha, 'The **quota** question matters most. <script>alert(1)</script>', { parentId: null });
    assert.equal(res.status, 201);
    const c = res.json().comment;
    assert.equal(c.status, 'published');
    assert.equal(
      c.html,
      '<p>The <strong>quota</strong> question matters most. &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    assert.equal(res.json().moderation.decision, 'publish');
    const list = await app.inject({ url: `/api/stories/${storyId}/comments` });
    assert.equal(list.json().comments[0].id, c.id);
    assert.equal(list.json().story.commentCount, 1);
    const page = await app.inject({ url: ARTICLE });
    assert.match(page.body, new RegExp(`id="comment-${c.id}"`));
    assert.match(page.body, /The <strong>quota<\/strong> question matters most/);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]!);
    assert.equal(ld.commentCount, 1);
    assert.equal(ld.comment[0]['@type'], 'Comment');
    assert.equal(ld.comment[0].author.name, 'Asha');
  });

  it('needs a signed-in reader with a confirmed address, and a CSRF token for cookies', async () => {
    const anon = agent(app);
    const csrf = (await anon.api('GET', '/api/auth/session')).json().csrfToken;
    const res = await anon.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: 'Hello there, everyone.' },
      { 'x-csrf-token': csrf },
    );
    assert.equal(res.status, 401);
    const asha = await signedIn('asha@example.org', 'Asha');
    assert.equal((await asha.api('POST', `/api/stories/${storyId}/comments`, { body: 'No token here.' })).status, 403);
    const id = await createTestUser(app, { email: 'unverified@example.org' });
    await app.services.usersRepository.update(id, { emailVerified: false });
    const u = await signedIn('unverified@example.org', 'Unverified');
    const r2 = await post(u, 'I have not confirmed my address.');
    assert.equal(r2.status, 403);
    assert.equal(r2.json().error.code, 'EMAIL_NOT_VERIFIED');
  });

  it('accepts a resubmitted duplicate silently, returning the first comment', async () => {
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const first = await post(ravi, 'Slow networks resubmit forms, and that is fine.');
    const again = await post(ravi, 'Slow  networks resubmit forms, and that is fine. ');
    assert.equal(again.status, 200);
    assert.equal(again.json().duplicate, true);
    assert.equal(again.json().comment.id, first.json().comment.id);
    now = new Date(now.getTime() + 61_000);
    const later = await post(ravi, 'Slow networks resubmit forms, and that is fine.');
    assert.equal(later.status, 201);
    assert.notEqual(later.json().comment.id, first.json().comment.id);
  });

  it('honours client idempotency keys', async () => {
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const a = await post(ravi, 'First wording of my point.', {}, { 'idempotency-key': 'k-123' });
    const b = await post(ravi, 'A retried request, whatever its body.', {}, { 'idempotency-key': 'k-123' });
    assert.equal(b.status, 200);
    assert.equal(b.json().comment.id, a.json().comment.id);
  });

  it('nests replies to three levels, then shows deeper ones flat "in reply to"', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const top = (await post(asha, 'A top-level thought on fisheries.')).json().comment;
    let parent = top;
    const chain = [top];
    for (let i = 1; i <= 5; i++) {
      const who = i % 2 ? ravi : asha;
      parent = (await post(who, `Reply number ${i} in the chain.`, { parentId: parent.id })).json().comment;
      chain.push(parent);
    }
    assert.deepEqual(
      chain.map((c) => c.depth),
      [0, 1, 2, 3, 3, 3],
    );
    assert.equal(chain[4].inReplyTo.id, chain[3].id);
    assert.equal(chain[4].inReplyTo.name, 'Ravi');
    const ctx = await app.inject({ url: `/api/comments/${chain[5].id}/context` });
    assert.equal(ctx.statusCode, 200);
    assert.equal(ctx.json().thread.id, top.id);
    // the way down as shown: past the deepest level replies sit beside their parent
    assert.deepEqual(ctx.json().path, [top.id, chain[1].id, chain[2].id, chain[5].id]);
    // the permalink page shows that deep comment
    const page = await app.inject({ url: `${ARTICLE}?comment=${chain[5].id}` });
    assert.match(page.body, new RegExp(`id="comment-${chain[5].id}"`));
  });

  it('shows the first replies and pages through the rest', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const top = (await post(asha, 'Who else thinks the talks will work?')).json().comment;
    for (let i = 0; i < 7; i++) await post(ravi, `Answer ${i}: it might, with patience.`, { parentId: top.id });
    const list = await app.inject({ url: `/api/stories/${storyId}/comments?sort=newest&limit=1` });
    const shown = list.json().comments[0];
    assert.equal(shown.id, top.id);
    assert.equal(shown.replies.length, 3);
    assert.equal(shown.moreReplies, 4);
    const more = await app.inject({ url: `/api/comments/${top.id}/replies?limit=5` });
    assert.equal(more.json().comments.length, 5);
    const rest = await app.inject({ url: `/api/comments/${top.id}/replies?limit=5&cursor=${more.json().nextCursor}` });
    assert.equal(rest.json().comments.length, 2);
    assert.equal(rest.json().nextCursor, null);
  });

  it('sorts by newest, oldest, reactions and replies, with cursor pagination', async () => {
    const all = async (sort: string) => {
      const ids: string[] = [];
      let cursor = '';
      for (let i = 0; i < 50; i++) {
        const res = await app.inject({
          url: `/api/stories/${storyId}/comments?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        });
        ids.push(...res.json().comments.map((c: { id: string }) => c.id));
        if (!res.json().nextCursor) break;
        cursor = res.json().nextCursor;
      }
      return ids;
    };
    const newest = await all('newest');
    const oldest = await all('oldest');
    assert.ok(newest.length >= 5);
    assert.equal(new Set(newest).size, newest.length);
    assert.deepEqual(oldest, [...newest].reverse());
    const byReplies = (await app.inject({ url: `/api/stories/${storyId}/comments?sort=replies&limit=100` })).json()
      .comments;
    const counts = byReplies.map((c: { replyCount: number }) => c.replyCount);
    assert.deepEqual(
      counts,
      [...counts].sort((a: number, b: number) => b - a),
    );
    assert.equal(await all('reactions').then((x) => x.length), newest.length);
  });

  it('lets only the author edit, within the window, keeping revisions', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const c = (await post(asha, 'I think the quota is too low.')).json().comment;
    assert.ok(c.editableUntil);
    const notMine = await ravi.api('PATCH', `/api/comments/${c.id}`, { body: 'Hijacked.' }, await ravi.csrfHeader());
    assert.equal(notMine.status, 403);
    assert.equal(notMine.json().error.code, 'NOT_YOUR_COMMENT');
    const edited = await asha.api(
      'PATCH',
      `/api/comments/${c.id}`,
      { body: 'I think the quota is far too low.' },
      await asha.csrfHeader(),
    );
    assert.equal(edited.status, 200);
    assert.ok(edited.json().editedAt);
    assert.deepEqual(
      (await app.services.commentsRepository.revisions(c.id)).map((r) => r.body),
      ['I think the quota is too low.'],
    );
    now = new Date(now.getTime() + 11 * 60_000);
    const late = await asha.api('PATCH', `/api/comments/${c.id}`, { body: 'Too late now.' }, await asha.csrfHeader());
    assert.equal(late.status, 403);
    assert.equal(late.json().error.code, 'EDIT_WINDOW_CLOSED');
  });

  it('deletes with a placeholder that keeps replies in place', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const c = (await post(asha, 'A comment I will regret.')).json().comment;
    const reply = (await post(ravi, 'A reply worth keeping.', { parentId: c.id })).json().comment;
    assert.equal((await asha.api('DELETE', `/api/comments/${c.id}`, undefined, await asha.csrfHeader())).status, 204);
    const ctx = (await app.inject({ url: `/api/comments/${reply.id}/context` })).json();
    assert.equal(ctx.thread.deleted, true);
    assert.equal(ctx.thread.html, '');
    assert.equal(ctx.thread.author.name, '');
    assert.equal(ctx.thread.replies[0].id, reply.id);
  });

  it("counts one reaction per reader, never one's own", async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const c = (await post(asha, 'React to this, please.')).json().comment;
    assert.equal(
      (await asha.api('PUT', `/api/comments/${c.id}/reaction`, undefined, await asha.csrfHeader())).json().error.code,
      'CANNOT_REACT_OWN',
    );
    const h = await ravi.csrfHeader();
    assert.deepEqual((await ravi.api('PUT', `/api/comments/${c.id}/reaction`, undefined, h)).json(), {
      count: 1,
      mine: true,
    });
    assert.deepEqual((await ravi.api('PUT', `/api/comments/${c.id}/reaction`, undefined, h)).json(), {
      count: 1,
      mine: true,
    });
    assert.equal((await app.services.commentsRepository.get(c.id))?.reactionCount, 1);
    assert.deepEqual((await ravi.api('DELETE', `/api/comments/${c.id}/reaction`, undefined, h)).json(), {
      count: 0,
      mine: false,
    });
  });

  it('takes reports with reasons, once per reader', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const ravi = await signedIn('ravi@example.org', 'Ravi');
    const c = (await post(asha, 'Something someone may dislike.')).json().comment;
    const h = await ravi.csrfHeader();
    assert.equal(
      (await ravi.api('POST', `/api/comments/${c.id}/reports`, { reason: 'personal', note: 'aimed at me' }, h)).status,
      202,
    );
    assert.equal(
      (await ravi.api('POST', `/api/comments/${c.id}/reports`, { reason: 'spam' }, h)).json().error.code,
      'ALREADY_REPORTED',
    );
    assert.equal(
      (await ravi.api('POST', `/api/comments/${c.id}/reports`, { reason: 'rude' }, h)).json().error.code,
      'VALIDATION_FAILED',
    );
    assert.equal(await app.services.commentsRepository.reportCount(c.id), 1);
  });

  it('features comments (staff only) in their own tab', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const mod = await signedIn('mod@example.org', 'Mod', 'moderator');
    const c = (await post(asha, 'A thoughtful, well-argued comment.')).json().comment;
    assert.equal(
      (await asha.api('PUT', `/api/comments/${c.id}/featured`, undefined, await asha.csrfHeader())).json().error.code,
      'STAFF_ONLY',
    );
    assert.equal(
      (await mod.api('PUT', `/api/comments/${c.id}/featured`, undefined, await mod.csrfHeader())).status,
      204,
    );
    const tab = await app.inject({ url: `/api/stories/${storyId}/comments?tab=featured` });
    assert.deepEqual(
      tab.json().comments.map((x: { id: string }) => x.id),
      [c.id],
    );
  });

  it('enforces the length limit and refuses empty comments', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    // a long, thoughtful comment is welcome; past the limit the author is told the count, nothing is cut
    const essay = Array.from(
      { length: 40 },
      (_, i) => `Point ${i + 1}: the ward budget should be published before the vote, with every line.`,
    ).join(' ');
    assert.ok(essay.length > 3000 && essay.length < 5000);
    assert.equal((await post(asha, essay)).json().comment.status, 'published');
    const long = await post(asha, 'x'.repeat(5001));
    assert.equal(long.status, 400);
    assert.equal(long.json().error.code, 'COMMENT_TOO_LONG');
    assert.match(long.json().error.message, /up to 5000 characters; this one has 5001/);
    assert.equal((await post(asha, '   \n ')).json().error.code, 'COMMENT_EMPTY');
  });

  it('closes stories to comments, keeping them readable', async () => {
    const mod = await signedIn('mod@example.org', 'Mod', 'moderator');
    const asha = await signedIn('asha@example.org', 'Asha');
    assert.equal(
      (await mod.api('PUT', `/api/stories/${storyId}/closed`, undefined, await mod.csrfHeader())).status,
      204,
    );
    const res = await post(asha, 'Can I still comment here?');
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'STORY_CLOSED');
    const list = await app.inject({ url: `/api/stories/${storyId}/comments` });
    assert.equal(list.json().story.closed, true);
    assert.ok(list.json().comments.length > 0);
    const page = await asha.get(ARTICLE);
    assert.match(page.body, /Comments are closed on this story/);
    assert.doesNotMatch(page.body, /action="\/comments\/post"/);
    await mod.api('DELETE', `/api/stories/${storyId}/closed`, undefined, await mod.csrfHeader());
    // and automatically, N days after publication, when the site says so
    const settings = await app.services.storiesRepository.getSettings('demo');
    await app.services.storiesRepository.saveSettings({ ...settings, autoCloseDays: 30 });
    assert.equal((await post(asha, 'This story is more than a year old.')).json().error.code, 'STORY_CLOSED');
    await app.services.storiesRepository.saveSettings(settings);
  });

  it('limits how fast one reader can post', async () => {
    const fast = await buildTestApp({ now: () => now });
    try {
      const id = await demoArticleStoryId(fast);
      await createTestUser(fast, { email: 'fast@example.org', name: 'Fast' });
      const a = agent(fast);
      await a.login('fast@example.org');
      const h = { 'x-csrf-token': (await a.api('GET', '/api/auth/session')).json().csrfToken };
      const statuses = [];
      for (let i = 0; i < 11; i++)
        statuses.push(
          (await a.api('POST', `/api/stories/${id}/comments`, { body: `Thought number ${i} of many.` }, h)).status,
        );
      assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
    } finally {
      await fast.close();
    }
  });

  it('tells suspended readers why they cannot post', async () => {
    const id = await createTestUser(app, { email: 'suspended@example.org', name: 'Suspended' });
    await app.services.usersRepository.update(id, {
      status: 'suspended',
      sanctionUntil: '2026-12-01T00:00:00.000Z',
      sanctionReason: 'personal attacks',
    });
    const s = await signedIn('suspended@example.org', 'Suspended');
    const res = await post(s, 'I would like to say something.');
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'ACCOUNT_SUSPENDED');
    assert.equal(res.json().error.details.until, '2026-12-01T00:00:00.000Z');
  });

  it('posts without JavaScript through the page form', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const page = await asha.get(ARTICLE);
    assert.match(page.body, /action="\/comments\/post"/);
    const res = await asha.post('/comments/post', { storyId, body: 'Posted from a plain HTML form.', return: ARTICLE });
    assert.equal(res.status, 303);
    assert.match(String(res.headers.location), new RegExp(`^${ARTICLE}\\?comment=[a-z0-9]+#comment-`));
  });

  it("lists the reader's own comments with their status", async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const mine = await asha.api('GET', '/api/me/comments?limit=100');
    assert.equal(mine.status, 200);
    const list = mine.json().comments;
    assert.ok(list.length >= 5);
    assert.ok(list.every((c: { story: { title: string } }) => c.story.title.startsWith('Island nations')));
  });

  it('shows the reader every comment they wrote, with its status, on their profile', async () => {
    const asha = await signedIn('asha@example.org', 'Asha');
    const page = await asha.get('/account/comments');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>My comments<\/h1>/);
    assert.match(page.body, /<strong>Published<\/strong>/);
    assert.match(page.body, /Island nations agree to reopen fisheries talks/);
    assert.equal((await agent(app).get('/account/comments')).status, 303);
  });

  it("anonymises or deletes a departed reader's comments, as they chose", async () => {
    const id = await createTestUser(app, { email: 'departing@example.org', name: 'Departing Reader' });
    const d = await signedIn('departing@example.org', 'Departing Reader');
    const kept = (await post(d, 'Words worth keeping after I leave.')).json().comment;
    await app.services.commentsRepository.forgetAuthor(id, 'anonymise');
    const after = await app.services.commentsRepository.get(kept.id);
    assert.equal(after?.authorName, 'Former reader');
    assert.equal(after?.authorId, null);
    assert.equal(after?.body, 'Words worth keeping after I leave.');
    const id2 = await createTestUser(app, { email: 'erase@example.org', name: 'Eraser' });
    const e = await signedIn('erase@example.org', 'Eraser');
    const gone = (await post(e, 'Words to be erased entirely.')).json().comment;
    await app.services.commentsRepository.forgetAuthor(id2, 'delete');
    const erased = await app.services.commentsRepository.get(gone.id);
    assert.equal(erased?.status, 'deleted');
    assert.equal(erased?.body, '');
    assert.equal(erased?.bodyHtml, '');
  });

  it('serves comment counts for lists of stories', async () => {
    const article = await app.services.articlesRepository.getPublishedBySlug(
      'demo',
      'island-nations-agree-to-reopen-fisheries-talks',
    );
    const res = await app.inject({ url: `/api/counts?keys=article:${article!.id},ext:unknown` });
    const counts = res.json().counts;
    assert.ok(counts[`article:${article!.id}`] > 5);
    assert.equal(counts['ext:unknown'], 0);
  });

  it('documents the API in OpenAPI, generated from the route schemas', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/stories/{id}/comments'].post);
    assert.ok(doc.paths['/api/auth/sso'].post);
    assert.equal(doc.paths['/'], undefined);
  });
});

describe('comments through a pipeline that holds and refuses', () => {
  it('holds for review, nudges before refusing, and tells the author', async () => {
    const pipeline: ModerationPipeline = {
      async moderate({ text }): Promise<ModerationResult> {
        if (text.includes('hold me'))
          return {
            decision: 'hold',
            reasons: [{ rule: 'new-author', message: "New readers' first comments are read by a moderator." }],
            checks: {},
            nudge: false,
            policyVersion: 't',
          };
        if (text.includes('lol'))
          return {
            decision: 'refuse',
            reasons: [{ rule: 'sentences', message: 'Comments have to be in full sentences (guideline 2).' }],
            checks: { sentences: { verdict: 'fail', score: 0.9 } },
            nudge: true,
            policyVersion: 't',
          };
        return { decision: 'publish', reasons: [], checks: {}, nudge: false, policyVersion: 't' };
      },
    };
    const app = await buildTestApp({ pipeline });
    try {
      const storyId = await demoArticleStoryId(app);
      await createTestUser(app, { email: 'p@example.org', name: 'Pat' });
      const pat = agent(app);
      await pat.login('p@example.org');
      const h = { 'x-csrf-token': (await pat.api('GET', '/api/auth/session')).json().csrfToken };
      const held = await pat.api('POST', `/api/stories/${storyId}/comments`, { body: 'Please hold me for review.' }, h);
      assert.equal(held.json().comment.status, 'pending');
      assert.equal(held.json().comment.statusReason, "New readers' first comments are read by a moderator.");
      // others do not see it; the author does
      assert.equal((await app.inject({ url: `/api/stories/${storyId}/comments` })).json().comments.length, 0);
      assert.equal((await pat.api('GET', `/api/stories/${storyId}/comments`)).json().comments.length, 1);
      const refused = await pat.api('POST', `/api/stories/${storyId}/comments`, { body: 'lol' }, h);
      assert.equal(refused.status, 422);
      assert.equal(refused.json().error.code, 'COMMENT_REFUSED');
      assert.equal(refused.json().error.details.nudge, true);
      assert.match(refused.json().error.message, /full sentences \(guideline 2\)/);
      const anyway = await pat.api('POST', `/api/stories/${storyId}/comments`, { body: 'lol', sendAnyway: true }, h);
      assert.equal(anyway.json().comment.status, 'pending');
      const mine = (await pat.api('GET', '/api/me/comments')).json().comments;
      assert.deepEqual(
        mine.map((c: { status: string }) => c.status),
        ['pending', 'pending'],
      );
      // the no-JS form shows the reason with the words kept, and offers "send anyway"
      await pat.get(ARTICLE);
      const form = await pat.post('/comments/post', { storyId, body: 'lol again', return: ARTICLE });
      assert.equal(form.status, 422);
      assert.match(form.body, /full sentences \(guideline 2\)/);
      assert.match(form.body, />lol again<\/textarea>/);
      assert.match(form.body, /name="sendAnyway" value="yes"/);
    } finally {
      await app.close();
    }
  });
});
