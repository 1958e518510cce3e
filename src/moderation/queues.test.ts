import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containsPattern,
  failedCheckPattern,
  maxScore,
  oldestFirst,
  QUEUES,
  type QueueItem,
  reporterWeight,
  reportsByReason,
  reportWeight,
  UNKNOWN_REPORTER_WEIGHT,
} from './queues.ts';

const stored = JSON.stringify({
  decision: 'hold',
  checks: { english: { verdict: 'fail', score: 0.8 }, spam: { verdict: 'pass', score: 0.4 } },
});

describe('reading stored checks', () => {
  it("takes the highest score, or one check's", () => {
    assert.equal(maxScore(stored), 0.8);
    assert.equal(maxScore(stored, 'spam'), 0.4);
    assert.equal(maxScore(stored, 'trust'), 0);
    assert.equal(maxScore('{}'), 0);
    assert.equal(maxScore('not json'), 0);
  });

  it('finds a failed check by its name in the stored JSON, and only a failed one', () => {
    const like = (pattern: string, text: string) =>
      new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`).test(text);
    assert.ok(like(failedCheckPattern('english'), stored));
    assert.equal(like(failedCheckPattern('spam'), stored), false);
    // no wildcards or quotes of the moderator's own
    assert.equal(failedCheckPattern('eng%"lish'), '%"english":{"verdict":"fail"%');
  });

  it('searches text in lower case, without wildcards of its own', () => {
    assert.equal(containsPattern('Harbour_50%'), '%harbour50%');
  });
});

describe("a reporter's weight", () => {
  it('is how often their reports were upheld, from a prior of one in two', () => {
    assert.equal(UNKNOWN_REPORTER_WEIGHT, 0.5);
    assert.equal(reporterWeight(0, 0), 0.5);
    assert.equal(reporterWeight(8, 8), 0.9);
    assert.equal(reporterWeight(0, 8), 0.1);
    assert.equal(reporterWeight(3, 4), 4 / 6);
  });

  it('adds up the reports of a comment by reason, the best-founded first, unknown reporters at the prior', () => {
    const weights = new Map([
      ['good', 0.9],
      ['poor', 0.1],
    ]);
    const r = reportsByReason(
      [
        { reason: 'spam', userId: 'poor' },
        { reason: 'abuse', userId: 'good' },
        { reason: 'spam', userId: 'new' },
        { reason: 'abuse', userId: 'poor' },
      ],
      (u) => weights.get(u),
    );
    assert.deepEqual(r, [
      { reason: 'abuse', count: 2, weight: 1 },
      { reason: 'spam', count: 2, weight: 0.6 },
    ]);
    assert.equal(reportWeight({ reports: r } as QueueItem), 1.6);
    assert.deepEqual(
      reportsByReason([], () => 1),
      [],
    );
  });
});

it('shows the waiting queues oldest first and the records newest first', () => {
  assert.deepEqual(
    QUEUES.filter((q) => oldestFirst(q)),
    ['pending', 'reported', 'appeals'],
  );
});
