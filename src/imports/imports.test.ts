import assert from 'node:assert/strict';
import { createReadStream, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, lastMail, pathOf, signedInReader } from '../http/testing.ts';
import { datasetSkipReason, datasetsDir } from '../shared/datasets.ts';
import { exportComments } from './export.usecases.ts';
import { type Format, reader } from './formats/index.ts';
import { importedCommentId } from './ids.ts';
import { importComments } from './imports.usecases.ts';
import { ImportFormatError } from './items.ts';

async function run(
  app: App,
  format: Format,
  input: Readable | string,
  extra: { dryRun?: boolean; batchSize?: number; urlMap?: Map<string, string> } = {},
) {
  const stats = { invalidCharacters: 0 };
  const stream = typeof input === 'string' ? Readable.from([input]) : input;
  return importComments(app.services, reader(format, stream, stats), {
    siteId: 'demo',
    baseUrl: 'https://news.test',
    source: format,
    now: () => new Date('2026-06-15T06:30:00Z'),
    invalidCharacters: () => stats.invalidCharacters,
    ...extra,
  });
}

const ARTICLE_URL = 'http://www.news.test/world/island-nations-agree-to-reopen-fisheries-talks/?utm_source=old';
const line = (o: unknown) => `${JSON.stringify(o)}\n`;

describe("importing another platform's comments", () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app?.close());
  const count = async () =>
    Number(
      (
        await app.services.storage.db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('places threads under the matching article, keeps threading, dates, statuses and likes, and sanitises HTML', async () => {
    const file =
      line({ type: 'thread', id: 't1', url: ARTICLE_URL, title: 'Old title' }) +
      line({
        type: 'comment',
        id: 'c2',
        thread: 't1',
        parent: 'c1',
        author: { name: 'Bea' },
        html: '<p>Reply before its parent in the file.</p>',
        createdAt: '2024-03-01T10:05:00Z',
        likes: 2,
      }) +
      line({
        type: 'comment',
        id: 'c1',
        thread: 't1',
        author: { id: 'u-9', name: 'Al', email: 'Al@Example.org' },
        html: '<p onclick="x()">Hello <script>alert(1)</script><strong>there</strong>.</p>',
        createdAt: '2024-03-01T10:00:00Z',
      }) +
      line({
        type: 'comment',
        id: 'c3',
        thread: 't1',
        parent: 'gone',
        author: { name: 'Cy' },
        text: 'My parent was deleted long ago.',
        createdAt: '2024-03-02T10:00:00Z',
        status: 'published',
      }) +
      line({
        type: 'comment',
        id: 'c4',
        thread: 't1',
        author: { name: 'Spammer' },
        text: 'Cheap pills.',
        createdAt: '2024-03-02T11:00:00Z',
        status: 'spam',
      }) +
      line({ type: 'comment', id: 'c5', thread: 't1', author: { name: 'Dee' }, createdAt: '2024-03-02T11:00:00Z' }) +
      line({
        type: 'comment',
        id: 'c6',
        thread: 't2',
        url: 'https://old.example/some/other-page',
        author: { name: 'Eve' },
        text: 'On a page that has no article here.',
        createdAt: '2024-03-03T11:00:00Z',
      });
    const s = await run(app, 'jsonl', file);
    assert.equal(s.comments, 4);
    assert.equal(s.inserted, 4);
    assert.equal(s.matchedThreads, 1);
    assert.deepEqual(
      s.orphans.map((o) => o.id),
      ['c3'],
    );
    assert.deepEqual(s.skipped, [
      { position: 'line 6', reason: 'comment c5 has neither html nor text' },
      { position: 'line 7', reason: 'comment c6 names thread t2, which is not in the file' },
    ]);
    const c1 = await app.services.commentsRepository.get(importedCommentId('demo', 'jsonl', 'c1'));
    const c2 = await app.services.commentsRepository.get(importedCommentId('demo', 'jsonl', 'c2'));
    assert.equal(c1!.bodyHtml, '<p>Hello <strong>there</strong>.</p>');
    assert.equal(c1!.createdAt, '2024-03-01T10:00:00.000Z');
    assert.equal(c2!.parentId, c1!.id);
    assert.equal(c2!.depth, 1);
    assert.equal(c2!.reactionCount, 2);
    assert.equal(c1!.replyCount, 1);
    const story = await app.services.storiesRepository.getByKey(
      'demo',
      `article:${(await app.services.articlesRepository.getPublishedBySlug('demo', 'island-nations-agree-to-reopen-fisheries-talks'))!.id}`,
    );
    assert.equal(c1!.storyId, story!.id);
    const raw = await app.services.storage.db
      .selectFrom('comments')
      .select(['original_html', 'status'])
      .where('import_id', 'in', ['c1', 'c4'])
      .orderBy('import_id')
      .execute();
    assert.match(raw[0]!.original_html!, /<script>/);
    assert.equal(raw[1]!.status, 'rejected');
    // they appear under the article with their original dates
    const page = await app.inject({ url: `/api/stories/${story!.id}/comments?sort=oldest` });
    assert.equal(page.json().comments[0].createdAt, '2024-03-01T10:00:00.000Z');
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const before = await count();
    const file =
      line({ type: 'thread', id: 't1', url: ARTICLE_URL }) +
      line({
        type: 'comment',
        id: 'c1',
        thread: 't1',
        author: { name: 'Al' },
        html: '<p>Again.</p>',
        createdAt: '2024-03-01T10:00:00Z',
      });
    const s = await run(app, 'jsonl', file);
    assert.equal(s.inserted, 0);
    assert.equal(s.alreadyThere, 1);
    assert.equal(await count(), before);
  });

  it('stops at malformed input naming the line, keeps finished batches whole, and resumes without duplicates', async () => {
    const good = Array.from({ length: 5 }, (_, i) =>
      line({
        type: 'comment',
        id: `r${i}`,
        url: 'https://old.example/resume',
        author: { name: 'R' },
        text: `Comment ${i} of a file that breaks.`,
        createdAt: '2024-04-01T10:00:00Z',
      }),
    ).join('');
    const before = await count();
    await assert.rejects(
      run(app, 'jsonl', `${good}{"type": "comment", "id": broken\n`, { batchSize: 2 }),
      (err: Error) => err instanceof ImportFormatError && err.position === 'line 6',
    );
    const written = (await count()) - before;
    assert.equal(written % 2, 0, 'only whole batches');
    const s = await run(app, 'jsonl', good, { batchSize: 2 });
    assert.equal(s.inserted, 5 - written);
    assert.equal((await count()) - before, 5);
  });

  it('reports without writing in a dry run, and follows a URL map', async () => {
    const before = await count();
    const file = line({
      type: 'comment',
      id: 'm1',
      url: 'https://old.example/2019/fish-talks.html',
      author: { name: 'M' },
      text: 'Mapped to the new address.',
      createdAt: '2024-05-01T10:00:00Z',
    });
    const map = new Map([
      ['old.example/2019/fish-talks.html', 'https://news.test/world/island-nations-agree-to-reopen-fisheries-talks'],
    ]);
    const dry = await run(app, 'jsonl', file, { dryRun: true, urlMap: map });
    assert.equal(dry.comments, 1);
    assert.equal(dry.matchedThreads, 1);
    assert.equal(await count(), before);
    const real = await run(app, 'jsonl', file, { urlMap: map });
    assert.equal(real.inserted, 1);
  });

  it('drops characters XML forbids, counting them, and names the line of malformed XML', async () => {
    const xml = `<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="9"><link>https://old.example/x</link><title>X</title></thread>
<post dsq:id="91"><message><![CDATA[<p>Bell\u0007 and form feed\u000c inside.</p>]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><author><name>Zed</name></author><thread dsq:id="9"/></post>
</disqus>`;
    const s = await run(app, 'disqus', xml);
    assert.equal(s.inserted, 1);
    assert.equal(s.invalidCharacters, 2);
    await assert.rejects(
      run(app, 'disqus', '<disqus>\n<thread dsq:id="1"><link>x</lnk></thread></disqus>'),
      (err: Error) => err instanceof ImportFormatError && /line 2/.test(err.message),
    );
  });
});

describe('the shared real exports', { skip: datasetSkipReason('imports') }, () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app?.close());
  const dir = `${datasetsDir}imports/`;

  it('imports the Disqus, WordPress and Commento exports and refuses the malformed one by line', async () => {
    const files: [Format, string][] = [
      ['disqus', 'isso/disqus.xml'],
      ['wordpress', 'isso/wordpress.xml'],
      ['commento', 'commento/commento.json'],
      ...readdirSync(`${dir}wordpress`).map((f): [Format, string] => ['wordpress', `wordpress/${f}`]),
    ];
    const results: Record<string, number> = {};
    for (const [format, file] of files) {
      if (file.endsWith('malformed.xml')) {
        await assert.rejects(
          run(app, format, createReadStream(dir + file)),
          (err: Error) => err instanceof ImportFormatError && /line 90/.test(err.message),
          file,
        );
        continue;
      }
      const s = await run(app, format, createReadStream(dir + file));
      results[file] = s.comments;
      assert.equal(s.inserted + s.alreadyThere, s.comments, file);
    }
    assert.ok(results['wordpress/theme-unit-test-data.xml']! >= 25, JSON.stringify(results));
    assert.ok(results['isso/disqus.xml']! >= 3);
    assert.equal(results['commento/commento.json'], 3);
    // threaded replies survive from the WordPress theme test data
    const replies = await app.services.storage.db
      .selectFrom('comments')
      .select('id')
      .where('import_source', '=', 'wordpress')
      .where('parent_id', 'is not', null)
      .execute();
    assert.ok(replies.length >= 10);
  });
});

describe('readers get their history back', () => {
  it('a reader who verifies the old e-mail address finds the older comments in their profile, marked', async () => {
    const app = await buildTestApp();
    try {
      await run(
        app,
        'jsonl',
        line({
          type: 'comment',
          id: 'old1',
          url: ARTICLE_URL,
          author: { id: 'vk-77', name: 'Priya (old)', email: 'priya@example.org' },
          text: 'I wrote this on the old platform in 2023.',
          createdAt: '2023-05-01T10:00:00Z',
        }),
      );
      await createTestUser(app, { email: 'priya@example.org', name: 'Priya' });
      const priya = await signedInReader(app, 'priya@example.org', 'Priya');
      const mine = (await priya.api('GET', '/api/me/comments')).json().comments;
      assert.equal(mine.length, 1);
      assert.equal(mine[0].importedFrom, 'jsonl');
      const page = await priya.get('/account/comments');
      assert.match(page.body, /from our previous commenting platform/);
      // someone else with another address gets nothing
      const other = await signedInReader(app, 'other@example.org', 'Other');
      assert.equal((await other.api('GET', '/api/me/comments')).json().comments.length, 0);
    } finally {
      await app.close();
    }
  });
});

describe('claiming older comments', () => {
  it("by a link sent to the old address (the same answer for unknown addresses), or by the publisher's sign-on id", async () => {
    const app = await buildTestApp();
    try {
      await run(
        app,
        'jsonl',
        line({
          type: 'comment',
          id: 'o1',
          url: ARTICLE_URL,
          author: { id: 'old-17', name: 'Kiran (old)', email: 'kiran.old@example.org' },
          text: 'Written long ago on the old platform.',
          createdAt: '2022-05-01T10:00:00Z',
        }) +
          line({
            type: 'comment',
            id: 'o2',
            url: ARTICLE_URL,
            author: { id: 'paper-42', name: 'Sam (old)' },
            text: 'Another old comment, by a subscriber.',
            createdAt: '2022-06-01T10:00:00Z',
          }),
      );
      const kiran = await signedInReader(app, 'kiran.new@example.org', 'Kiran');
      const unknown = await kiran.api('POST', '/api/me/legacy-claims', { email: 'nobody@example.org' }, kiran.h);
      const known = await kiran.api('POST', '/api/me/legacy-claims', { email: 'Kiran.Old@example.org' }, kiran.h);
      assert.equal(unknown.status, 202);
      assert.deepEqual(known.json(), unknown.json(), 'nothing tells which addresses commented');
      await assert.rejects(lastMail(app, 'nobody@example.org'));
      const link = pathOf((await lastMail(app, 'kiran.old@example.org')).link);
      // someone else following the link gets nothing
      const other = await signedInReader(app, 'other@example.org', 'Other');
      assert.equal((await other.get(link)).status, 400);
      const done = await kiran.get(link);
      assert.equal(done.status, 303);
      assert.match(done.headers.location as string, /notice=claimed/);
      assert.equal((await kiran.api('GET', '/api/me/comments')).json().comments[0].importedFrom, 'jsonl');
      assert.equal((await kiran.get(link)).status, 400, 'a link works once');
      // the sign-on subject equal to the old platform's user id claims on sign-in
      const sam = await createTestUser(app, { email: 'sam@example.org', name: 'Sam' });
      await app.services.storage.db
        .insertInto('identities')
        .values({
          id: 'idn-1',
          site_id: 'demo',
          user_id: sam,
          provider: 'sso',
          subject: 'paper-42',
          email: null,
          created_at: '2026-06-01T00:00:00.000Z',
          last_login_at: null,
        })
        .execute();
      const samBrowser = await signedInReader(app, 'sam@example.org', 'Sam');
      assert.equal((await samBrowser.api('GET', '/api/me/comments')).json().comments.length, 1);
    } finally {
      await app.close();
    }
  });
});

describe('export', () => {
  it("round-trips through Parley's own JSON lines without losing comments, threads or replies", async () => {
    const a = await buildTestApp();
    const b = await buildTestApp();
    try {
      const file =
        line({
          type: 'comment',
          id: 'x1',
          url: ARTICLE_URL,
          author: { name: 'One', email: 'one@example.org' },
          text: 'First, with *markdown*.',
          createdAt: '2024-01-01T00:00:00Z',
          likes: 3,
        }) +
        line({
          type: 'comment',
          id: 'x2',
          url: ARTICLE_URL,
          parent: 'x1',
          author: { name: 'Two' },
          text: 'A reply.',
          createdAt: '2024-01-01T01:00:00Z',
        }) +
        line({
          type: 'comment',
          id: 'x3',
          url: 'https://old.example/elsewhere',
          author: { name: 'Three' },
          text: 'Elsewhere, and deleted.',
          createdAt: '2024-01-02T00:00:00Z',
          status: 'deleted',
        });
      await run(a, 'jsonl', file);
      let out = '';
      const sink = new (await import('node:stream')).Writable({
        write(chunk, _e, cb) {
          out += chunk;
          cb();
        },
      });
      const exported = await exportComments(a.services, {
        site: (await a.services.sitesRepository.get('demo'))!,
        format: 'jsonl',
        out: sink,
      });
      assert.equal(exported.comments, 3);
      const s = await run(b, 'jsonl', out);
      assert.equal(s.inserted, 3);
      const rows = async (app: App) =>
        await app.services.storage.db
          .selectFrom('comments')
          .select(['body', 'body_html', 'status', 'created_at', 'reaction_count', 'depth', 'author_name'])
          .orderBy('created_at')
          .execute();
      assert.deepEqual(await rows(b), await rows(a));
      let xml = '';
      const xmlSink = new (await import('node:stream')).Writable({
        write(chunk, _e, cb) {
          xml += chunk;
          cb();
        },
      });
      await exportComments(a.services, {
        site: (await a.services.sitesRepository.get('demo'))!,
        format: 'disqus',
        out: xmlSink,
      });
      const again = await run(b, 'disqus', xml, { dryRun: true });
      assert.equal(again.comments, 3);
      assert.equal(again.byStatus.deleted, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
