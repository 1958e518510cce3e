import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoLiveblog } from '../demo/content.ts';
import type { App } from '../http/app.ts';
import { agent, buildTestApp, createTestUser } from '../http/testing.ts';

// The back office as editors, moderators and admins find it.

describe('back office', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
    await createTestUser(app, { email: 'admin@example.org', name: 'Site Admin', role: 'admin' });
    await createTestUser(app, { email: 'mod@example.org', name: 'A Moderator', role: 'moderator' });
    await createTestUser(app, { email: 'ed@example.org', name: 'An Editor', role: 'editor' });
  });
  after(async () => app.close());

  async function as(email: string) {
    const a = agent(app);
    await a.login(email);
    return a;
  }

  it('lists the live blogs, live and ended, and starts a new one', async () => {
    const ed = await as('ed@example.org');
    const list = await ed.get('/admin/liveblogs');
    assert.equal(list.status, 200);
    assert.match(list.body, /<h2>Live<\/h2>/);
    assert.match(list.body, /<h2>Ended<\/h2>/);
    assert.ok(list.body.includes(demoLiveblog.headline));
    const section = (await app.services.articlesRepository.listSections('demo'))[0]!;
    const created = await ed.post('/admin/liveblogs', {
      headline: 'Storm over the coast',
      sectionId: section.id,
      liveTopic: 'Storm',
    });
    assert.equal(created.status, 303);
    const id = String(created.headers.location).match(/\/admin\/articles\/(\w+)/)?.[1];
    assert.ok(id);
    const blog = await app.services.newsroom.get((await app.services.sitesRepository.get('demo'))!, id);
    assert.equal(blog.kind, 'liveblog');
    assert.equal(blog.liveTopic, 'Storm');
    assert.match((await ed.get('/admin/liveblogs')).body, /Storm over the coast/);
    const mod = await as('mod@example.org');
    assert.equal((await mod.get('/admin/liveblogs', { accept: 'application/json' })).status, 403);
  });

  /** The labels of the back office's navigation on a page. */
  function navOf(body: string): string[] {
    const nav = body.match(/<nav class="bo-nav"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
    return [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
  }

  it('has its own plain frame, whose navigation shows only what the role may open', async () => {
    const expected = {
      'ed@example.org': ['Newsroom', 'Live blogs', 'Top News picks'],
      'mod@example.org': ['Moderation queue', 'Dashboard'],
      'admin@example.org': [
        'Newsroom',
        'Live blogs',
        'Top News picks',
        'Moderation queue',
        'Dashboard',
        'Policy',
        'Audit log',
        'Users',
        'Outbox',
      ],
    };
    for (const [email, labels] of Object.entries(expected)) {
      const who = await as(email);
      // The reader's "Admin" link goes to the role's first page, never to FORBIDDEN.
      assert.match((await who.get('/')).body, /<a href="\/admin">Admin<\/a>/);
      const home = await who.get('/admin');
      assert.equal(home.status, 303, email);
      const first = await who.get(String(home.headers.location));
      assert.equal(first.status, 200, email);
      assert.doesNotMatch(first.body, /class="masthead"|class="live-banner|class="site-nav"/, email);
      const nav = navOf(first.body);
      assert.deepEqual(
        nav.map((n) => n.split(' /')[0]),
        labels,
        email,
      );
      for (const item of nav) {
        const href = item.slice(item.lastIndexOf(' ') + 1);
        assert.equal((await who.get(href)).status, 200, `${email} ${href}`);
      }
    }
    const admin = await as('admin@example.org');
    assert.match((await admin.get('/admin/users')).body, /<a href="\/admin\/moderate\/audit">Audit log<\/a>/);
    const reader = agent(app);
    assert.equal((await reader.get('/admin', { accept: 'application/json' })).status, 401);
  });

  it("saves the editors' Top News picks from their page", async () => {
    const ed = await as('ed@example.org');
    const page = await ed.get('/admin/top-picks');
    const ids = [...page.body.matchAll(/name="articleIds" value="(\w+)"/g)].map((m) => m[1]!);
    assert.ok(ids.length >= 2);
    assert.equal((await ed.post('/admin/top-picks', { articleIds: ids[1]! })).status, 303);
    const picks = await app.services.articlesRepository.listTopPicks('demo');
    assert.deepEqual(
      picks.map((a) => a.id),
      [ids[1]],
    );
  });
});
