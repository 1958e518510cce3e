import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_NOW } from '../http/testing.ts';
import { readAuditLog, recordAction } from './audit.usecases.ts';
import { addNote } from './authors.usecases.ts';
import { loadDashboard } from './dashboard.usecases.ts';
import { decideComment } from './decisions.usecases.ts';
import { minutesAgo, type Workspace, workspace } from './testing.ts';

describe('the audit log', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  it('records who did what to what, with the states as JSON (none when there is none)', async () => {
    const id = await recordAction(w.s, {
      site: w.site,
      actor: w.admin,
      action: 'note',
      targetType: 'user',
      targetId: w.reader.id,
      before: undefined,
      after: { note: 'n' },
    });
    assert.deepEqual(await w.s.moderationRepository.auditEntry('demo', id), {
      id,
      site_id: 'demo',
      actor_id: w.admin.id,
      actor_name: 'Ada Admin',
      action: 'note',
      target_type: 'user',
      target_id: w.reader.id,
      before: null,
      after: '{"note":"n"}',
      undone_by: null,
      created_at: TEST_NOW.toISOString(),
    });
    assert.equal(await w.s.moderationRepository.auditEntry('other-site', id), undefined);
  });

  it('reads newest first, of one target, before a time, up to a limit', async () => {
    const a = await w.comment();
    const b = await w.comment();
    await decideComment(w.s, { site: w.site, actor: w.mod, id: a, decision: { action: 'approve', version: 0 } });
    await decideComment(w.s, { site: w.site, actor: w.mod, id: b, decision: { action: 'approve', version: 0 } });
    await decideComment(w.s, { site: w.site, actor: w.mod, id: a, decision: { action: 'feature', version: 1 } });
    assert.deepEqual(
      (await readAuditLog(w.s, w.site, { targetId: a, limit: 10 })).map((e) => e.action),
      ['feature', 'approve'],
    );
    assert.equal((await readAuditLog(w.s, w.site, { limit: 2 })).length, 2);
    assert.deepEqual(await readAuditLog(w.s, w.site, { before: TEST_NOW.toISOString(), limit: 10 }), []);
    const all = await readAuditLog(w.s, w.site, { limit: 100 });
    assert.ok(all.every((e, i) => i === 0 || e.created_at <= all[i - 1]!.created_at));
  });
});

describe('the dashboard, from the database', () => {
  let w: Workspace;
  before(async () => {
    w = await workspace();
  });
  after(async () => w?.app.close());

  it("counts the day's comments in the site's hours, the waits and the moderators' actions on comments", async () => {
    await w.comment({ createdAt: minutesAgo(150) });
    const decided = await w.comment({ createdAt: minutesAgo(70) });
    await w.comment({ createdAt: minutesAgo(8 * 24 * 60) });
    await decideComment(w.s, {
      site: w.site,
      actor: w.mod,
      id: decided,
      decision: { action: 'refuse', version: 0, reason: 'spam' },
    });
    await addNote(w.s, { site: w.site, actor: w.admin, userId: w.reader.id, note: 'not an action on a comment' });
    const d = await loadDashboard(w.s, w.site);
    assert.equal(w.site.timeZone, 'Asia/Kolkata');
    // hours are UTC hours, labelled in the site's zone: 06:00 UTC is 11:30 in India
    assert.equal(d.perHour.at(-1)!.label, '11');
    const counted = d.perHour.flatMap((h) => [h.published, h.pending, h.refused]).reduce((a, n) => a + n, 0);
    assert.equal(counted, 2);
    assert.equal(d.perHour.find((h) => h.label === '10')!.refused, 1);
    assert.equal(d.oldestPendingHours, 2.5);
    assert.deepEqual(d.firstDecision, { medianMinutes: 70, p90Minutes: 70, decided: 1 });
    assert.deepEqual(d.topReasons, [{ reason: 'moderator: spam', count: 1 }]);
    assert.deepEqual(d.moderators, [{ name: 'Mona Mod', actions: 1 }]);
    assert.equal(d.queues.pending, 2);
  });
});
