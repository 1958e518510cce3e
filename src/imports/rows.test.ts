import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseStoryUrl } from '../comments/story-url.ts';
import { claimAddress, claimEvidence, claimMail } from './claims.ts';
import type { ExportedComment } from './export.repository.ts';
import { commentLine, threadLine } from './export-format.ts';
import { emailHash, importedCommentId, legacyAuthorOf } from './ids.ts';
import type { ImportComment } from './items.ts';
import { authorRow, commentRow, emptySummary, ownStory, threadTarget } from './rows.ts';

// The import's and the claims' logic without a database.

const item = (changes: Partial<ImportComment> = {}): ImportComment => ({
  type: 'comment',
  id: 'c1',
  threadId: 't1',
  parentId: null,
  author: { id: null, name: 'Asha', email: 'Asha@Example.org ' },
  html: null,
  markdown: 'Hello **there**.',
  createdAt: '2020-01-01T00:00:00.000Z',
  status: 'published',
  likes: 3,
  position: 'line 1',
  ...changes,
});
const row = (c: ImportComment) =>
  commentRow(c, { id: 'imp_1', siteId: 'demo', source: 'disqus', storyId: 's1', authorId: 'la_1', place: null });

describe('imported ids', () => {
  it('are stable for one site, format and id, and differ otherwise', () => {
    assert.equal(importedCommentId('demo', 'disqus', '1'), importedCommentId('demo', 'disqus', '1'));
    assert.match(importedCommentId('demo', 'disqus', '1'), /^imp_[\w-]{22}$/);
    assert.notEqual(importedCommentId('demo', 'disqus', '1'), importedCommentId('demo', 'wordpress', '1'));
    assert.notEqual(importedCommentId('demo', 'disqus', '1'), importedCommentId('other', 'disqus', '1'));
  });

  it('hash addresses whatever their case and spaces', () => {
    assert.equal(emailHash(' Asha@Example.ORG'), emailHash('asha@example.org'));
    assert.match(emailHash('a@b.c'), /^[0-9a-f]{64}$/);
  });

  it("tell authors apart by the old platform's id, else the address, else the name", () => {
    const byId = legacyAuthorOf('demo', 'disqus', { id: 'u7', name: 'Asha', email: 'a@x.org' });
    assert.equal(byId.key, 'id:u7');
    const byEmail = legacyAuthorOf('demo', 'disqus', { id: null, name: 'Asha', email: ' A@X.org' });
    assert.equal(byEmail.key, 'email:a@x.org');
    assert.equal(byEmail.id(), legacyAuthorOf('demo', 'disqus', { id: null, name: 'Other', email: 'a@x.org' }).id());
    const byName = legacyAuthorOf('demo', 'disqus', { id: null, name: 'Asha', email: null });
    assert.equal(byName.key, 'name:Asha');
    assert.match(byName.id(), /^la_/);
    assert.notEqual(byName.id(), byEmail.id());
  });
});

describe('rows from items', () => {
  it('renders markdown and keeps the markdown as the body', () => {
    const r = row(item());
    assert.equal(r.body, 'Hello **there**.');
    assert.equal(r.body_html, '<p>Hello <strong>there</strong>.</p>');
    assert.equal(r.original_html, null);
    assert.equal(r.reaction_count, 3);
    assert.equal(r.depth, 0);
    assert.equal(r.parent_id, null);
    assert.equal(r.author_id, null);
    assert.equal(r.legacy_author_id, 'la_1');
    assert.equal(r.import_id, 'c1');
  });

  it('sanitises the old HTML, keeping the original only when that changed it', () => {
    const hostile = row(item({ markdown: null, html: '<p>Hi<script>alert(1)</script></p>' }));
    assert.equal(hostile.body_html, '<p>Hi</p>');
    assert.equal(hostile.original_html, '<p>Hi<script>alert(1)</script></p>');
    assert.equal(hostile.body, 'Hi');
    const clean = row(item({ markdown: null, html: '<p>Fine</p>' }));
    assert.equal(clean.original_html, null);
  });

  it('keeps spam as refused, with the reason, and places replies', () => {
    const spam = row(item({ status: 'spam' }));
    assert.equal(spam.status, 'rejected');
    assert.equal(spam.status_reason, 'Marked as spam on the previous platform.');
    assert.equal(row(item({ status: 'deleted' })).status, 'deleted');
    const reply = commentRow(item(), {
      id: 'imp_2',
      siteId: 'demo',
      source: 'disqus',
      storyId: 's1',
      authorId: 'la_1',
      place: { parentId: 'imp_1', depth: 1, rootId: 'imp_1', displayParentId: 'imp_1' },
    });
    assert.deepEqual(
      [reply.parent_id, reply.depth, reply.root_id, reply.display_parent_id],
      ['imp_1', 1, 'imp_1', 'imp_1'],
    );
  });

  it('shortens long names and hashes the author’s address', () => {
    const a = authorRow(item({ author: { id: 'u1', name: 'N'.repeat(150), email: 'A@x.org' } }), {
      id: 'la_1',
      siteId: 'demo',
      source: 'disqus',
      at: '2026-06-15T00:00:00.000Z',
    });
    assert.equal(a.name.length, 100);
    assert.equal(a.email_hash, emailHash('a@x.org'));
    assert.equal(a.external_id, 'u1');
    assert.equal(a.user_id, null);
    assert.equal(row(item({ author: { id: null, name: 'M'.repeat(150), email: null } })).author_name.length, 100);
  });

  it('starts a summary at zero', () => {
    const s = emptySummary();
    assert.equal(s.comments + s.threads + s.skippedCount, 0);
    assert.deepEqual(s.byStatus, { published: 0, pending: 0, spam: 0, deleted: 0 });
  });
});

describe('where threads go', () => {
  it('follows the URL map, then takes the slug of the address', () => {
    const map = new Map([[normaliseStoryUrl('https://old.example/2019/story')!, 'https://news.test/world/new-slug']]);
    assert.deepEqual(threadTarget({ url: 'https://OLD.example/2019/story' }, map), {
      normal: normaliseStoryUrl('https://news.test/world/new-slug'),
      slug: 'new-slug',
    });
    assert.equal(threadTarget({ url: 'https://old.example/a/b/?x=1' }, undefined).slug, 'b');
    assert.deepEqual(threadTarget({ url: null }, undefined), { normal: undefined, slug: undefined });
  });

  it('makes a story of its own for a thread no article matches', () => {
    const o = { source: 'disqus', baseUrl: 'https://news.test' };
    assert.deepEqual(ownStory({ id: 't1', url: 'https://old.example/p' }, 'https://old.example/p', o), {
      key: 'url:https://old.example/p',
      url: 'https://old.example/p',
    });
    assert.deepEqual(ownStory({ id: 't1', url: 'not a url' }, undefined, o), {
      key: 'import:disqus:t1',
      url: 'https://news.test/',
    });
  });
});

describe('claims', () => {
  const reader = { id: 'u1', siteId: 'demo', email: 'asha@example.org', emailVerified: true };
  it('take a verified address and publisher sign-on subjects as evidence, nothing else', () => {
    const sso = [
      { provider: 'sso', subject: 'paper-7' },
      { provider: 'oidc', subject: 'google-1' },
    ];
    assert.deepEqual(claimEvidence(reader, sso), {
      emailHash: emailHash('asha@example.org'),
      externalIds: ['paper-7'],
    });
    assert.deepEqual(claimEvidence({ ...reader, emailVerified: false }, sso), { externalIds: ['paper-7'] });
    assert.deepEqual(claimEvidence({ ...reader, email: null }, []), { externalIds: [] });
  });

  it('send links only to plausible addresses, in lower case', () => {
    assert.equal(claimAddress('  Old@Example.ORG '), 'old@example.org');
    for (const bad of ['', 'no-at', 'a@b', 'a b@c.d', '@c.d']) assert.equal(claimAddress(bad), undefined, bad);
  });

  it('mail a link to the claim page of the site', () => {
    const m = claimMail({ name: 'The Herald', baseUrl: 'https://news.test/' }, 'tok');
    assert.equal(m.subject, 'Your older comments on The Herald');
    assert.match(m.text, /https:\/\/news\.test\/account\/legacy\/claim\?token=tok\n/);
    assert.match(m.text, /24 hours/);
  });
});

describe('export lines', () => {
  const c: ExportedComment = {
    id: 'c1',
    story_id: 's1',
    parent_id: null,
    author_name: 'A & B',
    body: 'Hi',
    body_html: '<p>Hi ]]> there</p>',
    status: 'rejected',
    reaction_count: 2,
    created_at: '2026-01-01T00:00:00.000Z',
    user_id: null,
    user_email: null,
    legacy_id: 'old-7',
    legacy_email: 'old@example.org',
  };

  it('write JSON lines that the jsonl importer reads', () => {
    const line = JSON.parse(commentLine('jsonl', c));
    assert.equal(line.type, 'comment');
    assert.equal(line.status, 'spam');
    assert.deepEqual(line.author, { id: 'old-7', name: 'A & B', email: 'old@example.org' });
    assert.deepEqual(JSON.parse(threadLine('jsonl', { id: 's1', url: 'u', title: 't', created_at: 'x' })), {
      type: 'thread',
      id: 's1',
      url: 'u',
      title: 't',
    });
  });

  it('write Disqus XML with names escaped and the body safe in CDATA', () => {
    const xml = commentLine('disqus', { ...c, parent_id: 'c0', user_id: 'u1', user_email: 'now@example.org' });
    assert.match(xml, /<name>A &amp; B<\/name>/);
    assert.match(xml, /<email>now@example.org<\/email><username>u1<\/username>/);
    assert.match(xml, /<!\[CDATA\[<p>Hi ]]]]><!\[CDATA\[> there<\/p>]]>/);
    assert.match(xml, /<isSpam>true<\/isSpam>/);
    assert.match(xml, /<parent dsq:id="c0"\/>/);
    assert.match(
      threadLine('disqus', { id: 's"1', url: 'https://x/?a=1&b=2', title: '<T>', created_at: 'x' }),
      /dsq:id="s&quot;1".*a=1&amp;b=2.*&lt;T&gt;/,
    );
  });
});
