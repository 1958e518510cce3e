import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParleyEvent } from '../events/bus.ts';
import { fingerprint } from '../shared/fingerprint.ts';
import { decideComment, decideMany, undoDecision } from './decisions.usecases.ts';
import { type Workspace, workspace } from './testing.ts';

describe('decisions on comments', () => {
  let w: Workspace;
  const events: ParleyEvent[] = [];
  before(async () => {
    w = await workspace();
    w.s.bus.subscribe((e) => events.push(e));
  });
  after(async () => w?.app.close());

  const decide = (id: string, decision: Parameters<typeof decideComment>[1]['decision'], actor = w.mod) =>
    decideComment(w.s, { site: w.site, actor, id, decision });
  const comment = (id: string) => w.s.commentsRepository.get(id);
  const storyCount = async () => (await w.s.storiesRepository.get(w.storyId))!.commentCount;

  it('approves a held comment: published, counted, told, and in the audit log', async () => {
    const id = await w.comment();
    const count = await storyCount();
    events.length = 0;
    const { item, auditId } = await decide(id, { action: 'approve', version: 0 });
    assert.deepEqual([item.status, item.version, item.moderatedBy], ['published', 1, 'Mona Mod']);
    assert.equal(await storyCount(), count + 1);
    assert.deepEqual(
      events.filter((e) => e.type === 'moderation.changed'),
      [
        {
          type: 'moderation.changed',
          siteId: 'demo',
          commentId: id,
          change: 'decided',
          by: { id: w.mod.id, name: 'Mona Mod' },
        },
      ],
    );
    const entry = (await w.s.moderationRepository.auditEntry('demo', auditId))!;
    assert.deepEqual(
      [entry.action, entry.target_type, entry.target_id, entry.actor_id],
      ['approve', 'comment', id, w.mod.id],
    );
    assert.deepEqual(JSON.parse(entry.before!), {
      status: 'pending',
      statusReason: 'Waiting for a moderator.',
      featured: false,
      version: 0,
    });
    assert.deepEqual(JSON.parse(entry.after!), {
      status: 'published',
      statusReason: null,
      featured: false,
      refusalCode: null,
      version: 1,
    });
  });

  it('refuses a decision made on a version someone else changed: 409 with the comment as it is now', async () => {
    const id = await w.comment();
    await decide(id, { action: 'refuse', version: 0, reason: 'english' });
    await assert.rejects(decide(id, { action: 'approve', version: 0 }, w.admin), (err: any) => {
      assert.equal(err.code, 'DECISION_CONFLICT');
      assert.equal(err.status, 409);
      assert.deepEqual([err.details.current.status, err.details.current.version], ['rejected', 1]);
      assert.equal(err.details.current.moderatedBy, 'Mona Mod');
      return true;
    });
    assert.equal((await comment(id))!.status, 'rejected');
  });

  it('checks the version before the reason, and needs a reason to refuse', async () => {
    const id = await w.comment();
    await assert.rejects(decide(id, { action: 'refuse', version: 5 }), { code: 'DECISION_CONFLICT' });
    await assert.rejects(decide(id, { action: 'refuse', version: 0 }), { code: 'REASON_REQUIRED' });
    assert.equal((await comment(id))!.status, 'pending');
  });

  it("does not find another site's comment, or one that does not exist", async () => {
    await assert.rejects(decide('nope', { action: 'approve', version: 0 }), { code: 'COMMENT_NOT_FOUND' });
  });

  it('keeps the counts of the story and of the parent right, both ways', async () => {
    const parent = await w.comment({ status: 'published' });
    const reply = await w.comment({ parentId: parent });
    const count = await storyCount();
    await decide(reply, { action: 'approve', version: 0 });
    assert.equal((await comment(parent))!.replyCount, 1);
    assert.equal(await storyCount(), count + 1);
    await decide(reply, { action: 'refuse', version: 1, reason: 'other' });
    assert.equal((await comment(parent))!.replyCount, 0);
    assert.equal(await storyCount(), count);
    // featuring a published comment changes no count
    const other = await w.comment({ status: 'published' });
    await decide(other, { action: 'feature', version: 0 });
    assert.equal(await storyCount(), count + 1);
    assert.equal((await comment(other))!.featured, true);
    await decide(other, { action: 'unfeature', version: 1 });
    assert.deepEqual([(await comment(other))!.featured, (await comment(other))!.status], [false, 'published']);
  });

  it('holds the same text again on the site once a moderator refused it as spam', async () => {
    const body = 'Cheap gold coins for sale, message me today for the price list and the delivery.';
    const id = await w.comment({ body });
    await decide(id, { action: 'refuse', version: 0, reason: 'spam' });
    assert.ok((await w.s.guidelinesRepository.spamFingerprints('demo')).includes(fingerprint(body)));
    const again = await w.s.guidelines.moderate({
      siteId: 'demo',
      storyId: w.storyId,
      authorId: w.reader.id,
      text: body,
      source: body,
      parentId: null,
    });
    assert.equal(again.decision, 'hold');
    assert.match(again.checks.spam!.reason!, /marked as spam/);
  });

  it('trusts the author on "approve and trust", and undo takes the trust back', async () => {
    const author = await w.user('Tara Trusted');
    const id = await w.comment({ author });
    const { auditId } = await decide(id, { action: 'approve_trust', version: 0 });
    assert.equal((await w.s.usersRepository.get(author.id))!.trusted, true);
    assert.equal(
      JSON.parse((await w.s.moderationRepository.auditEntry('demo', auditId))!.after!).trustedAuthor,
      author.id,
    );
    await undoDecision(w.s, { site: w.site, actor: w.mod, auditId });
    assert.equal((await w.s.usersRepository.get(author.id))!.trusted, false);
  });

  it('undoes a decision once: the state before, and the undo in the log', async () => {
    const id = await w.comment();
    const refused = await decide(id, { action: 'refuse', version: 0, reason: 'abusive' });
    const approved = await decide(id, { action: 'approve', version: 1 });
    const { item } = await undoDecision(w.s, { site: w.site, actor: w.admin, auditId: approved.auditId });
    assert.deepEqual([item.status, item.statusReason, item.version], ['rejected', 'Comments cannot be abusive.', 3]);
    const log = await w.s.moderationRepository.auditLog('demo', { targetId: id, limit: 10 });
    const undo = log.find((e) => e.action === 'undo')!;
    assert.equal(undo.actor_name, 'Ada Admin');
    assert.equal(JSON.parse(undo.after!).undid, approved.auditId);
    assert.equal(log.find((e) => e.id === approved.auditId)!.undone_by, undo.id);
    await assert.rejects(undoDecision(w.s, { site: w.site, actor: w.mod, auditId: approved.auditId }), {
      code: 'NOTHING_TO_UNDO',
    });
    // the refusal was followed by another decision: too late to undo it
    await assert.rejects(undoDecision(w.s, { site: w.site, actor: w.mod, auditId: refused.auditId }), {
      code: 'NOTHING_TO_UNDO',
    });
    await assert.rejects(undoDecision(w.s, { site: w.site, actor: w.mod, auditId: 'nope' }), {
      code: 'NOTHING_TO_UNDO',
    });
  });

  it('takes one decision on many comments, each succeeding or saying why not', async () => {
    const a = await w.comment();
    const b = await w.comment();
    const { results } = await decideMany(w.s, {
      site: w.site,
      actor: w.mod,
      items: [
        { id: a, version: 0 },
        { id: b, version: 7 },
        { id: 'nope', version: 0 },
      ],
      decision: { action: 'refuse', reason: 'spam' },
    });
    assert.deepEqual(
      results.map((r) => [r.id, r.ok, r.error ?? null, typeof r.auditId]),
      [
        [a, true, null, 'string'],
        [b, false, 'DECISION_CONFLICT', 'undefined'],
        ['nope', false, 'COMMENT_NOT_FOUND', 'undefined'],
      ],
    );
    assert.equal((await comment(a))!.status, 'rejected');
    assert.equal((await comment(b))!.status, 'pending');
  });
});
