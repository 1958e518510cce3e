import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import { TEST_NOW } from '../http/testing.ts';
import type { Sanction } from './sanctions.ts';
import { acknowledgeWarning, sanctionAuthor } from './sanctions.usecases.ts';
import { type Workspace, workspace } from './testing.ts';

describe('sanctions', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  const sanction = (user: User, s: Sanction, actor = w.mod) =>
    sanctionAuthor(w.s, { site: w.site, actor, userId: user.id, sanction: s });
  const mails = async (u: User) => w.s.outboxRepository.list('demo', 10, u.email!);
  const fresh = async (u: User) => (await w.s.usersRepository.get(u.id))!;
  const log = async (u: User) => w.s.moderationRepository.auditLog('demo', { targetId: u.id, limit: 10 });

  it('warns: the reader must acknowledge, is told by e-mail, and the log keeps it', async () => {
    const u = await w.user('Walter Warned');
    assert.deepEqual(await sanction(u, { kind: 'warn', reason: '  Personal attacks.  ' }), { refusedPending: 0 });
    const after = await fresh(u);
    assert.equal(after.warning, 'Personal attacks.');
    assert.equal(after.sanctionedAt, TEST_NOW.toISOString());
    assert.equal(after.status, 'active');
    const [mail] = await mails(u);
    assert.equal(mail!.subject, `${w.site.name}: a moderator has warned you`);
    assert.match(mail!.text, /Why: Personal attacks\./);
    const [entry] = await log(u);
    assert.deepEqual([entry!.action, entry!.target_type, entry!.actor_name], ['warn', 'user', 'Mona Mod']);
    assert.deepEqual(JSON.parse(entry!.before!), {
      status: 'active',
      sanctionUntil: null,
      sanctionReason: null,
      warning: null,
    });
    await acknowledgeWarning(w.s, after);
    assert.equal((await fresh(u)).warning, null);
  });

  it('suspends until a time in the future, and refuses one in the past without changing anything', async () => {
    const u = await w.user('Sam Suspended');
    await assert.rejects(sanction(u, { kind: 'suspend', until: TEST_NOW.toISOString(), reason: 'x' }), {
      code: 'SANCTION_INVALID',
    });
    assert.equal((await fresh(u)).status, 'active');
    assert.deepEqual(await mails(u), []);
    assert.deepEqual(await log(u), []);
    const until = '2026-06-20T18:30:00.000Z';
    await sanction(u, { kind: 'suspend', until, reason: 'Flooding.' });
    const after = await fresh(u);
    assert.deepEqual([after.status, after.sanctionUntil, after.sanctionReason], ['suspended', until, 'Flooding.']);
    assert.match((await mails(u))[0]!.text, new RegExp(`suspended until ${until}`));
  });

  it("bans: the reader's waiting comments are refused, published ones stay, and lifting sends no mail", async () => {
    const u = await w.user('Bob Banned');
    const held = [await w.comment({ author: u }), await w.comment({ author: u })];
    const shown = await w.comment({ author: u, status: 'published' });
    const { refusedPending } = await sanction(u, { kind: 'ban', reason: 'Repeated abuse.' });
    assert.equal(refusedPending, 2);
    for (const id of held) {
      const c = (await w.s.commentsRepository.get(id))!;
      assert.deepEqual([c.status, c.statusReason], ['rejected', 'Your account was banned: Repeated abuse.']);
    }
    assert.equal((await w.s.commentsRepository.get(shown))!.status, 'published');
    assert.equal((await fresh(u)).status, 'banned');
    assert.equal(JSON.parse((await log(u))[0]!.after!).refusedPending, 2);
    const mailsBefore = (await mails(u)).length;
    await sanction(u, { kind: 'lift', reason: '' });
    const lifted = await fresh(u);
    assert.deepEqual([lifted.status, lifted.sanctionUntil, lifted.sanctionReason], ['active', null, null]);
    assert.equal((await mails(u)).length, mailsBefore);
    assert.deepEqual(
      (await log(u)).map((e) => e.action),
      ['lift', 'ban'],
    );
  });

  it('sanctions only readers of the site, staff only by an admin, never oneself', async () => {
    await assert.rejects(
      sanctionAuthor(w.s, { site: w.site, actor: w.mod, userId: 'nobody', sanction: { kind: 'warn', reason: 'x' } }),
      { code: 'USER_NOT_FOUND' },
    );
    await assert.rejects(sanction(w.mod, { kind: 'warn', reason: 'x' }), { message: 'You cannot sanction yourself.' });
    const editor = await w.user('Eddie Editor', 'editor');
    await assert.rejects(sanction(editor, { kind: 'warn', reason: 'x' }), {
      message: 'Only an admin can sanction staff.',
    });
    await sanction(editor, { kind: 'warn', reason: 'Be kind.' }, w.admin);
    assert.equal((await fresh(editor)).warning, 'Be kind.');
  });

  it('tells no one when the reader has no e-mail address', async () => {
    const u = await w.user('Nora Nomail');
    await w.s.usersRepository.update(u.id, { email: null });
    await sanction(await fresh(u), { kind: 'warn', reason: 'x' });
    assert.deepEqual(await w.s.outboxRepository.list('demo', 10, u.email!), []);
    assert.equal((await fresh(u)).warning, 'x');
  });
});
