import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { EditableArticle } from '../articles/newsroom.repository.ts';
import { demoLiveblog, demoLiveEntries } from '../demo/content.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, errorCode } from '../http/testing.ts';
import type { Site } from '../sites/sites.repository.ts';
import { LIVE_IDLE_HOURS } from './coverage.usecases.ts';

// Live coverage on a whole Parley with a clock the tests move: entries, the
// site-wide banner, the live hub's streams, and the end of idle coverage.

const editor = { id: 'ed', displayName: 'Edna Editor' } as User;

const code = errorCode;

/** An open page's stream: what the hub wrote to it. */
function stream() {
  const written: string[] = [];
  return { res: { write: (chunk: string) => written.push(chunk) } as unknown as ServerResponse, written };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'timed out');
}

describe('live blogs', () => {
  let app: App;
  let clock = new Date('2026-06-15T06:30:00.000Z');
  let site: Site;
  let blog: EditableArticle;
  before(async () => {
    app = await buildTestApp({ now: () => clock });
    site = (await app.services.sitesRepository.get('demo'))!;
    const summary = await app.services.articlesRepository.getPublishedBySlug('demo', demoLiveblog.slug);
    blog = await app.services.newsroom.get(site, summary!.id);
  });
  after(async () => app?.close());

  it('lists entries newest first, and puts the newest in the banner', async () => {
    const { liveblogsRepository: live, newsroom } = app.services;
    assert.equal((await live.listEntries(blog.id, 500)).length, demoLiveEntries.length);
    clock = new Date(clock.getTime() + 60_000);
    const { id } = await newsroom.postEntry(site, blog.id, {
      headline: 'Late goal settles the group',
      text: 'A header in the last minute.',
      keyEvent: true,
    });
    const [newest] = await live.listEntries(blog.id, 1);
    assert.equal(newest?.id, id);
    assert.equal(newest?.keyEvent, true);
    assert.deepEqual(newest?.body, [{ type: 'paragraph', text: 'A header in the last minute.' }]);
    const [item] = await live.bannerItems('demo');
    assert.equal(item?.articleId, blog.id);
    assert.equal(item?.topic, demoLiveblog.topic);
    assert.equal(item?.latestHeadline, 'Late goal settles the group');
    assert.equal(item?.latestAt, clock.toISOString());
  });

  it('edits and removes an entry only through its own blog', async () => {
    const { liveblogsRepository: live, newsroom } = app.services;
    const { id } = await newsroom.postEntry(site, blog.id, {
      headline: 'Team news',
      text: 'Unchanged.',
      keyEvent: false,
    });
    const other = (
      await app.services.articlesRepository.listPublished({ siteId: 'demo', kind: 'article', limit: 1 })
    )[0]!;
    const change = { headline: 'Team news (corrected)', text: 'Two changes.', keyEvent: false };
    assert.equal(await code(newsroom.editEntry(site, other.id, id, change)), 'ENTRY_NOT_FOUND');
    assert.equal(await code(newsroom.deleteEntry(site, other.id, id)), 'ENTRY_NOT_FOUND');
    await newsroom.editEntry(site, blog.id, id, change);
    assert.equal((await live.getEntry(blog.id, id))?.headline, 'Team news (corrected)');
    assert.equal(await live.findEntry('elsewhere', id), undefined, "another site's editors do not find it");
    await newsroom.deleteEntry(site, blog.id, id);
    assert.equal(await live.getEntry(blog.id, id), undefined);
  });

  it('refuses entries on an article that is not a live blog, and empty entries', async () => {
    const other = (
      await app.services.articlesRepository.listPublished({ siteId: 'demo', kind: 'article', limit: 1 })
    )[0]!;
    const entry = { headline: 'Nothing', text: 'Here.', keyEvent: false };
    assert.equal(await code(app.services.newsroom.postEntry(site, other.id, entry)), 'NOT_A_LIVE_BLOG');
    assert.equal(
      await code(app.services.newsroom.postEntry(site, blog.id, { ...entry, headline: '  ' })),
      'EMPTY_BODY',
    );
  });

  it("sends the banner to every open page and an entry to its blog's readers only", async () => {
    const onBlog = stream();
    const elsewhere = stream();
    const closeBlog = app.services.liveHub.open('demo', blog.id, onBlog.res);
    const closeOther = app.services.liveHub.open('demo', null, elsewhere.res);
    try {
      const { id } = await app.services.newsroom.postEntry(site, blog.id, {
        headline: 'Second half under way',
        text: 'No changes at the break.',
        keyEvent: false,
      });
      await until(() => onBlog.written.length >= 2 && elsewhere.written.length >= 1);
      assert.match(onBlog.written.join(''), /event: banner/);
      assert.match(onBlog.written.join(''), new RegExp(`event: entry\\ndata: \\{"id":"${id}"`));
      assert.match(onBlog.written.join(''), /Second half under way/);
      assert.match(elsewhere.written.join(''), /event: banner/);
      assert.doesNotMatch(elsewhere.written.join(''), /event: entry/);

      await app.services.newsroom.deleteEntry(site, blog.id, id);
      await until(() => onBlog.written.some((w) => w.startsWith('event: entry-removed')));
    } finally {
      closeBlog();
      closeOther();
    }
  });

  it(`ends coverage after ${LIVE_IDLE_HOURS} hours without an entry, and the banner goes`, async () => {
    const { newsroom, liveblogsRepository: live } = app.services;
    assert.equal(await newsroom.endIdleLiveBlogs(editor), 0, 'still fresh');
    clock = new Date(clock.getTime() + (LIVE_IDLE_HOURS + 1) * 3_600_000);
    assert.equal(await newsroom.endIdleLiveBlogs(editor), 1);
    const ended = await newsroom.get(site, blog.id);
    assert.equal(ended.liveStatus, 'ended');
    assert.equal(ended.inBanner, false);
    assert.deepEqual(await live.bannerItems('demo'), []);
  });
});
