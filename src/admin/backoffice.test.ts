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
});
