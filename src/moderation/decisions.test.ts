import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import type { AuditLogTable } from '../storage/schema.ts';
import { conflict, nextState, restored, stateOf, undoable } from './decisions.ts';
import type { QueueItem } from './queues.ts';

const item = (o: Partial<QueueItem> = {}) =>
  ({
    id: 'c1',
    version: 3,
    status: 'pending',
    statusReason: 'Waiting for a moderator.',
    featured: false,
    moderatedBy: null,
    moderatedAt: null,
    ...o,
  }) as QueueItem;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as AppError).code;
  }
  return undefined;
};

describe('what a decision does to a comment', () => {
  it('publishes on approval, keeping its feature, and clears the reason', () => {
    for (const action of ['approve', 'approve_trust'] as const)
      assert.deepEqual(nextState(item({ featured: true }), { action }), {
        status: 'published',
        statusReason: null,
        featured: true,
        refusalCode: null,
      });
  });

  it("refuses with the guideline's words and the moderator's note, and takes the feature away", () => {
    assert.deepEqual(nextState(item({ featured: true }), { action: 'refuse', reason: 'english', note: '  Hindi. ' }), {
      status: 'rejected',
      statusReason: 'Comments have to be in English. Hindi.',
      featured: false,
      refusalCode: 'english',
    });
    assert.equal(
      nextState(item(), { action: 'refuse', reason: 'spam' }).statusReason,
      'Comments cannot be spam or advertising.',
    );
    assert.equal(
      nextState(item(), { action: 'refuse', reason: 'other', note: 'x'.repeat(600) }).statusReason!.length,
      'A moderator did not publish this comment. '.length + 500,
    );
  });

  it('needs a reason from the list to refuse', () => {
    assert.equal(
      code(() => nextState(item(), { action: 'refuse' })),
      'REASON_REQUIRED',
    );
    assert.equal(
      code(() => nextState(item(), { action: 'refuse', reason: 'rude' })),
      'REASON_REQUIRED',
    );
  });

  it('features by publishing; unfeatures without touching the status', () => {
    assert.deepEqual(nextState(item(), { action: 'feature' }), {
      status: 'published',
      statusReason: null,
      featured: true,
      refusalCode: null,
    });
    assert.deepEqual(
      nextState(item({ status: 'rejected', statusReason: 'No.', featured: true }), { action: 'unfeature' }),
      {
        status: 'rejected',
        statusReason: 'No.',
        featured: false,
        refusalCode: null,
      },
    );
  });
});

describe('a conflict', () => {
  it('says who changed the comment first and what it is now', () => {
    const e = conflict(
      item({ status: 'published', featured: true, moderatedBy: 'Mona', moderatedAt: 't', version: 4 }),
    );
    assert.equal(e.code, 'DECISION_CONFLICT');
    assert.equal(e.message, 'Another moderator changed this comment first: it is now published and featured.');
    assert.deepEqual(e.details, {
      current: {
        status: 'published',
        statusReason: 'Waiting for a moderator.',
        featured: true,
        version: 4,
        moderatedBy: 'Mona',
        moderatedAt: 't',
      },
    });
    assert.match(conflict(item()).message, /^Someone changed this comment first: it is now pending\.$/);
  });
});

describe('undo', () => {
  const entry = (o: Partial<AuditLogTable> = {}): AuditLogTable => ({
    id: 'a1',
    site_id: 'demo',
    actor_id: 'm',
    actor_name: 'Mona',
    action: 'refuse',
    target_type: 'comment',
    target_id: 'c1',
    before: JSON.stringify(stateOf(item())),
    after: JSON.stringify({
      status: 'rejected',
      statusReason: 'No.',
      featured: false,
      refusalCode: 'other',
      version: 4,
    }),
    undone_by: null,
    created_at: 't',
    ...o,
  });

  it("reads a comment decision's states before and after", () => {
    const { before, after } = undoable(entry());
    assert.deepEqual(before, {
      status: 'pending',
      statusReason: 'Waiting for a moderator.',
      featured: false,
      version: 3,
    });
    assert.equal(after.version, 4);
    assert.deepEqual(restored(before), {
      status: 'pending',
      statusReason: 'Waiting for a moderator.',
      featured: false,
      refusalCode: null,
    });
  });

  it('undoes only a decision on a comment, not undone yet, with both states', () => {
    for (const e of [
      undefined,
      entry({ undone_by: 'a2' }),
      entry({ target_type: 'user' }),
      entry({ before: null }),
      entry({ after: null }),
    ])
      assert.equal(
        code(() => undoable(e)),
        'NOTHING_TO_UNDO',
      );
  });

  it('restores the refusal code of a refusal', () => {
    assert.equal(
      restored({ status: 'rejected', statusReason: 'x', featured: false, version: 1, refusalCode: 'spam' }).refusalCode,
      'spam',
    );
  });
});
