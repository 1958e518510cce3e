import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_NOW } from '../http/testing.ts';
import { appealComment } from './appeals.usecases.ts';
import { addNote, authorProfile } from './authors.usecases.ts';
import { decideComment } from './decisions.usecases.ts';
import { sanctionAuthor } from './sanctions.usecases.ts';
import { type Workspace, workspace } from './testing.ts';

describe('an author, as the moderators see them', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  it('gathers the record: comments, counts, reports, sanctions and notes', async () => {
    const u = await w.user('Paula Profile');
    const a = await w.comment({ author: u, status: 'published', body: 'First words on the harbour.' });
    await w.comment({ author: u, body: 'Second words.' });
    await w.report(a, w.reader, 'abusive');
    await w.report(a, w.admin, 'spam');
    await sanctionAuthor(w.s, {
      site: w.site,
      actor: w.mod,
      userId: u.id,
      sanction: { kind: 'warn', reason: 'Tone.' },
    });
    await addNote(w.s, { site: w.site, actor: w.mod, userId: u.id, note: '  Watch the tone.  ' });
    const p = await authorProfile(w.s, w.site, u.id);
    assert.equal(p.user.displayName, 'Paula Profile');
    assert.equal(p.user.warning, 'Tone.');
    assert.deepEqual(p.counts, { published: 1, pending: 1 });
    assert.equal(p.comments.length, 2);
    assert.deepEqual(
      p.comments.find((c) => c.id === a),
      {
        id: a,
        excerpt: 'First words on the harbour.',
        status: 'published',
        statusReason: null,
        createdAt: p.comments.find((c) => c.id === a)!.createdAt,
        story: p.comments[0]!.story,
        reports: 2,
      },
    );
    assert.equal(p.reportsAgainst, 2);
    // the note is in the log too, but it is not a sanction
    assert.deepEqual(
      p.sanctions.map((s) => [s.action, s.by, s.after.reason]),
      [['warn', 'Mona Mod', 'Tone.']],
    );
    assert.deepEqual(
      p.notes.map((n) => [n.by, n.note]),
      [['Mona Mod', 'Watch the tone.']],
    );
  });

  it("gives the account's age in whole days", async () => {
    const u = await w.user('Old Timer');
    const created = new Date(TEST_NOW.getTime() - 10.5 * 86_400_000).toISOString();
    await w.app.services.storage.db.updateTable('users').set({ created_at: created }).where('id', '=', u.id).execute();
    assert.equal((await authorProfile(w.s, w.site, u.id)).user.accountAgeDays, 10);
  });

  it('finds the same person behind other accounts: the same mailbox, or the same sign-on', async () => {
    const main = await w.user('Lin Main');
    const alias = await w.user('Lin Alias');
    await w.s.usersRepository.update(alias.id, { email: 'lin.main+news@example.org' });
    const sso = await w.user('Lin Sso');
    for (const [user, id, provider] of [
      [main, 'i1', 'google'],
      [sso, 'i2', 'github'],
    ] as const)
      await w.s.usersRepository.insertIdentity({
        id,
        siteId: 'demo',
        userId: user.id,
        provider,
        subject: 'same-subject',
        email: null,
        createdAt: TEST_NOW.toISOString(),
        lastLoginAt: null,
      });
    const linked = (await authorProfile(w.s, w.site, main.id)).linked;
    assert.deepEqual(linked.map((l) => [l.displayName, l.via]).sort(), [
      ['Lin Alias', 'the same e-mail address'],
      ['Lin Sso', 'the same github sign-on id'],
    ]);
  });

  it("is of the moderator's site only", async () => {
    await assert.rejects(authorProfile(w.s, w.site, 'nobody'), { code: 'USER_NOT_FOUND' });
    await assert.rejects(addNote(w.s, { site: w.site, actor: w.mod, userId: 'nobody', note: 'x' }), {
      code: 'USER_NOT_FOUND',
    });
  });

  it('keeps a whole note, and its beginning in the audit log', async () => {
    const u = await w.user('Nate Noted');
    await addNote(w.s, { site: w.site, actor: w.admin, userId: u.id, note: 'n'.repeat(2500) });
    assert.equal((await w.s.moderationRepository.notes('demo', u.id))[0]!.note.length, 2000);
    const [entry] = await w.s.moderationRepository.auditLog('demo', { targetId: u.id, limit: 1 });
    assert.deepEqual([entry!.action, entry!.before], ['note', null]);
    assert.equal(JSON.parse(entry!.after!).note.length, 200);
  });
});

describe('appeals', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  const appeal = (commentId: string, text = ' It was a quotation. ', user = w.reader) =>
    appealComment(w.s, { site: w.site, user, commentId, text });

  it("takes the author's one appeal of a refused comment to the queue", async () => {
    const id = await w.comment();
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id,
      decision: { action: 'refuse', version: 0, reason: 'english' },
    });
    const events: unknown[] = [];
    const stop = w.s.bus.subscribe((e) => events.push(e));
    await appeal(id);
    stop();
    assert.deepEqual(events, [{ type: 'moderation.changed', siteId: 'demo', commentId: id, change: 'queued' }]);
    const item = (await w.s.moderationRepository.item('demo', id))!;
    assert.equal(item.appeal, 'It was a quotation.');
    await assert.rejects(appeal(id, 'Again.'), { code: 'APPEAL_NOT_ALLOWED', status: 409 });
    assert.equal((await w.s.moderationRepository.item('demo', id))!.appeal, 'It was a quotation.');
  });

  it('is only for a refused comment, and only its author', async () => {
    const waiting = await w.comment();
    await assert.rejects(appeal(waiting), { code: 'APPEAL_NOT_ALLOWED' });
    const refused = await w.comment();
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id: refused,
      decision: { action: 'refuse', version: 0, reason: 'other' },
    });
    await assert.rejects(appeal(refused, 'Mine?', w.mod), { code: 'COMMENT_NOT_FOUND' });
    await assert.rejects(appeal('nope'), { code: 'COMMENT_NOT_FOUND' });
    await appeal(refused, 'x'.repeat(1200));
    assert.equal((await w.s.moderationRepository.item('demo', refused))!.appeal!.length, 1000);
  });
});
