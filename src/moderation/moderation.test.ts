import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, lastMail, signedInReader } from '../http/testing.ts';

type Reader = Awaited<ReturnType<typeof signedInReader>>;

describe("the moderators' workspace", () => {
  let app: App;
  let storyId: string;
  let mod: Reader;
  let mod2: Reader;
  let admin: Reader;
  let reader: Reader;
  before(async () => {
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
    mod = await signedInReader(app, 'mod@example.org', 'Mona Mod', 'moderator');
    mod2 = await signedInReader(app, 'mod2@example.org', 'Max Mod', 'moderator');
    admin = await signedInReader(app, 'admin@example.org', 'Ada Admin', 'admin');
    reader = await signedInReader(app, 'reader@example.org', 'Rita Reader');
  });
  after(async () => app?.close());

  const post = async (r: Reader, body: string, sendAnyway = false) =>
    (await r.api('POST', `/api/stories/${storyId}/comments`, { body, sendAnyway }, r.h)).json().comment;
  const queue = async (r: Reader, query: string) => (await r.api('GET', `/api/admin/moderate/queue?${query}`)).json();

  it('is for moderators and admins of the site only', async () => {
    assert.equal((await reader.api('GET', '/api/admin/moderate/queue')).status, 403);
    assert.equal((await reader.get('/admin/moderate')).status, 403);
    assert.equal((await mod.get('/admin/moderate')).status, 200);
    // a comment of another site is not there for this site's moderators
    await app.services.sitesRepository.insert({
      id: 'other',
      name: 'Other Paper',
      baseUrl: 'https://other.test',
      timeZone: 'UTC',
      timeZoneLabel: null,
      language: 'en',
      tagline: '',
      guidelines: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const s = await app.services.storiesRepository.ensure({
      id: 'other-story',
      siteId: 'other',
      key: 'url:other.test/x',
      articleId: null,
      url: 'https://other.test/x',
      title: 'X',
      openedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await app.services.commentsRepository.insert({
      id: 'other-comment',
      siteId: 'other',
      storyId: s.id,
      parentId: null,
      displayParentId: null,
      rootId: null,
      depth: 0,
      authorId: null,
      authorName: 'Someone',
      body: 'Held elsewhere.',
      bodyHtml: '<p>Held elsewhere.</p>',
      status: 'pending',
      statusReason: null,
      moderation: '{}',
      contentHash: 'x',
      createdAt: '2026-06-01T00:00:00.000Z',
      idempotencyKey: null,
    });
    const r = await mod.api(
      'POST',
      '/api/admin/moderate/comments/other-comment/decision',
      { action: 'approve', version: 0 },
      mod.h,
    );
    assert.equal(r.status, 404);
    assert.equal((await app.services.commentsRepository.get('other-comment'))!.status, 'pending');
  });

  it('shows a held comment with every check, filters by the check that fired, and approves it for readers', async () => {
    const held = await post(reader, 'yeh sarkar kuch nahi karegi, sab jhoot hai', true);
    assert.equal(held.status, 'pending');
    const q = await queue(mod, 'queue=pending&check=english');
    const item = q.items.find((i: { id: string }) => i.id === held.id);
    assert.ok(item, 'in the pending queue, filtered by the English check');
    assert.equal(JSON.parse(item.moderation).checks.english.verdict, 'fail');
    assert.equal(
      (await queue(mod, 'queue=pending&check=spam')).items.some((i: { id: string }) => i.id === held.id),
      false,
    );
    assert.ok(
      (await queue(mod, 'queue=pending&check=english&minScore=0.5')).items.some(
        (i: { id: string }) => i.id === held.id,
      ),
    );
    assert.ok(item.authorRecord.pending >= 1);
    assert.ok(q.counts.pending >= 1);
    const ok = await mod.api(
      'POST',
      `/api/admin/moderate/comments/${held.id}/decision`,
      { action: 'approve', version: item.version },
      mod.h,
    );
    assert.equal(ok.status, 200);
    assert.equal(ok.json().item.status, 'published');
    const thread = (await app.inject({ url: `/api/stories/${storyId}/comments` })).json().comments;
    assert.ok(thread.some((c: { id: string }) => c.id === held.id));
    // the audit log has who, what, before and after; admins read it, moderators do not
    assert.equal((await mod.api('GET', '/api/admin/moderate/audit')).status, 403);
    const entry = (await admin.api('GET', '/api/admin/moderate/audit'))
      .json()
      .entries.find((e: { target_id: string }) => e.target_id === held.id);
    assert.equal(entry.action, 'approve');
    assert.equal(entry.actor_name, 'Mona Mod');
    assert.equal(JSON.parse(entry.before).status, 'pending');
    assert.equal(JSON.parse(entry.after).status, 'published');
  });

  it('shows moderators the words the guidelines marked in a held comment', async () => {
    const held = await post(
      reader,
      'Rohit, you are a lazy idiot and a liar. The figures were published last week.',
      true,
    );
    assert.equal(held.status, 'pending');
    const page = await mod.get('/admin/moderate?queue=pending');
    const item = page.body.slice(page.body.indexOf(`id="item-${held.id}"`));
    assert.match(item.slice(0, item.indexOf('</li>')), /Marked by the guidelines: <mark>[^<]*idiot[^<]*<\/mark>/);
  });

  it('never lets two moderators decide the same comment blindly, and undoes a decision', async () => {
    const held = await post(reader, 'sab neta log chor hai yaar, kuch nahi badlega', true);
    const version = (await mod.api('GET', `/api/admin/moderate/comments/${held.id}`)).json().item.version;
    const first = await mod.api(
      'POST',
      `/api/admin/moderate/comments/${held.id}/decision`,
      { action: 'refuse', version, reason: 'english', note: 'Please write in English.' },
      mod.h,
    );
    assert.equal(first.status, 200);
    const second = await mod2.api(
      'POST',
      `/api/admin/moderate/comments/${held.id}/decision`,
      { action: 'approve', version },
      mod2.h,
    );
    assert.equal(second.status, 409);
    assert.equal(second.json().error.code, 'DECISION_CONFLICT');
    assert.equal(second.json().error.details.current.status, 'rejected');
    assert.equal(second.json().error.details.current.moderatedBy, 'Mona Mod');
    // the author sees the reason and the note
    const mine = (await reader.api('GET', '/api/me/comments'))
      .json()
      .comments.find((c: { id: string }) => c.id === held.id);
    assert.equal(mine.statusReason, 'Comments have to be in English. Please write in English.');
    // undo, once
    const undo = await mod.api('POST', '/api/admin/moderate/undo', { auditId: first.json().auditId }, mod.h);
    assert.equal(undo.status, 200);
    assert.equal(undo.json().item.status, 'pending');
    assert.equal(
      (await mod.api('POST', '/api/admin/moderate/undo', { auditId: first.json().auditId }, mod.h)).json().error.code,
      'NOTHING_TO_UNDO',
    );
    // a refusal needs a reason from the list
    const v = undo.json().item.version;
    assert.equal(
      (
        await mod.api(
          'POST',
          `/api/admin/moderate/comments/${held.id}/decision`,
          { action: 'refuse', version: v },
          mod.h,
        )
      ).json().error.code,
      'REASON_REQUIRED',
    );
  });

  it('takes one appeal of a refused comment back to the queue', async () => {
    const held = await post(reader, 'bhai ye article bekar hai, kuch samajh nahi aaya', true);
    const r = await mod.api(
      'POST',
      `/api/admin/moderate/comments/${held.id}/decision`,
      { action: 'refuse', version: 0, reason: 'english' },
      mod.h,
    );
    assert.equal(r.status, 200);
    assert.equal(
      (
        await reader.api(
          'POST',
          `/api/me/comments/${held.id}/appeal`,
          { text: 'It is a famous Hindi quotation, explained in the article.' },
          reader.h,
        )
      ).status,
      204,
    );
    assert.equal(
      (await reader.api('POST', `/api/me/comments/${held.id}/appeal`, { text: 'Again.' }, reader.h)).json().error.code,
      'APPEAL_NOT_ALLOWED',
    );
    const appeals = await queue(mod, 'queue=appeals');
    const item = appeals.items.find((i: { id: string }) => i.id === held.id);
    assert.equal(item.appeal, 'It is a famous Hindi quotation, explained in the article.');
    await mod2.api(
      'POST',
      `/api/admin/moderate/comments/${held.id}/decision`,
      { action: 'approve', version: item.version },
      mod2.h,
    );
    assert.equal(
      (await queue(mod, 'queue=appeals')).items.some((i: { id: string }) => i.id === held.id),
      false,
    );
  });

  it("lists reported comments with reasons and reporters' weight, and takes bulk decisions", async () => {
    const a = await post(reader, 'The harbour levy will hurt the smallest boats most of all.');
    const b = await post(reader, 'The minister should publish the survey data before the vote.');
    for (const c of [a, b])
      assert.equal((await mod2.api('POST', `/api/comments/${c.id}/reports`, { reason: 'spam' }, mod2.h)).status, 202);
    const reported = await queue(mod, 'queue=reported');
    const item = reported.items.find((i: { id: string }) => i.id === a.id);
    assert.deepEqual(
      item.reports.map((r: { reason: string; count: number }) => [r.reason, r.count]),
      [['spam', 1]],
    );
    assert.ok(item.reports[0].weight > 0 && item.reports[0].weight <= 1);
    // still published: reports alone never hide a comment
    assert.equal((await app.services.commentsRepository.get(a.id))!.status, 'published');
    const bulk = await mod.api(
      'POST',
      '/api/admin/moderate/bulk',
      { items: [a, b].map((c) => ({ id: c.id, version: 0 })), action: 'approve' },
      mod.h,
    );
    assert.deepEqual(
      bulk.json().results.map((r: { ok: boolean }) => r.ok),
      [true, true],
    );
    assert.equal(
      (await queue(mod, 'queue=reported')).items.some((i: { id: string }) => i.id === a.id),
      false,
    );
    // a minimum score keeps the approved comments whose checks scored high (the Hindi one), not the civil ones
    const high = (await queue(mod, 'queue=approved&minScore=0.9')).items.map((i: { id: string }) => i.id);
    assert.ok(high.length > 0);
    assert.ok(!high.includes(a.id) && !high.includes(b.id));
    assert.ok((await queue(mod, 'queue=approved')).items.some((i: { id: string }) => i.id === a.id));
  });

  it('warns (acknowledge first), bans (pending refused, the reader told), with notes and history in the author drawer', async () => {
    const troll = await signedInReader(app, 'troll@example.org', 'Tim Troll');
    const tId = (await troll.api('GET', '/api/auth/session')).json().user.id;
    const w = await mod.api(
      'POST',
      `/api/admin/moderate/authors/${tId}/sanction`,
      { kind: 'warn', reason: 'Personal attacks on other readers.' },
      mod.h,
    );
    assert.equal(w.status, 200);
    const blocked = await troll.api(
      'POST',
      `/api/stories/${storyId}/comments`,
      { body: 'I will keep posting whatever I like.' },
      troll.h,
    );
    assert.equal(blocked.json().error.code, 'WARNING_UNACKNOWLEDGED');
    assert.match(blocked.json().error.message, /Personal attacks on other readers/);
    assert.match((await lastMail(app, 'troll@example.org')).text, /Personal attacks on other readers/);
    assert.equal((await troll.api('POST', '/api/me/warning/acknowledge', {}, troll.h)).status, 204);
    const held = await post(troll, 'mera comment publish karo abhi ke abhi', true);
    assert.equal(held.status, 'pending');
    await mod.api(
      'POST',
      `/api/admin/moderate/authors/${tId}/notes`,
      { note: 'Second warning would be a ban.' },
      mod.h,
    );
    const ban = await mod.api(
      'POST',
      `/api/admin/moderate/authors/${tId}/sanction`,
      { kind: 'ban', reason: 'Repeated personal attacks.' },
      mod.h,
    );
    assert.equal(ban.json().refusedPending, 1);
    assert.equal((await app.services.commentsRepository.get(held.id))!.status, 'rejected');
    assert.match(
      (await lastMail(app, 'troll@example.org')).text,
      /banned[\s\S]*Repeated personal attacks[\s\S]*appeal/,
    );
    const drawer = (await mod.api('GET', `/api/admin/moderate/authors/${tId}`)).json();
    assert.equal(drawer.user.status, 'banned');
    assert.deepEqual(
      drawer.sanctions.map((s: { action: string }) => s.action),
      ['ban', 'warn'],
    );
    assert.equal(drawer.notes[0].note, 'Second warning would be a ban.');
    assert.equal(drawer.counts.rejected, 1);
    // a moderator cannot sanction staff
    const adminId = (await admin.api('GET', '/api/auth/session')).json().user.id;
    assert.equal(
      (await mod.api('POST', `/api/admin/moderate/authors/${adminId}/sanction`, { kind: 'ban', reason: 'x' }, mod.h))
        .status,
      400,
    );
  });

  it('draws the dashboard and serves the pages', async () => {
    const d = (await mod.api('GET', '/api/admin/moderate/dashboard')).json();
    assert.equal(d.perHour.length, 24);
    assert.ok(d.firstDecision.decided >= 3);
    assert.ok(d.topReasons.some((r: { reason: string }) => r.reason === 'check: english'));
    assert.ok(d.moderators.some((m: { name: string }) => m.name === 'Mona Mod'));
    const page = await mod.get('/admin/moderate/dashboard');
    assert.equal(page.status, 200);
    assert.match(page.body, /<svg[^>]+role="img"/);
    for (const path of ['/admin/moderate?queue=refused', '/admin/moderate?queue=approved&q=harbour'])
      assert.equal((await mod.get(path)).status, 200);
    assert.equal((await admin.get('/admin/moderate/audit')).status, 200);
  });

  it('works without JavaScript: a form decision redirects back with a notice', async () => {
    const held = await post(reader, 'kal match mein maza aa gaya yaar, kya khela', true);
    await mod.get('/admin/moderate');
    const r = await mod.post(`/admin/moderate/comments/${held.id}/decide`, {
      action: 'refuse',
      version: '0',
      reason: 'english',
      note: '',
      return: '/admin/moderate?queue=pending',
    });
    assert.equal(r.status, 303);
    assert.match(r.headers.location as string, /notice=decided/);
    const again = await mod.post(`/admin/moderate/comments/${held.id}/decide`, {
      action: 'approve',
      version: '0',
      return: '/admin/moderate?queue=pending',
    });
    assert.match(again.headers.location as string, /notice=conflict/);
  });
});
