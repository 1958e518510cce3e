import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PastComment } from './guidelines.repository.ts';
import { createGuidelines } from './guidelines.ts';
import { defaultPolicy, withChanges } from './policy.ts';
import { parseStored, replayDecisions } from './replay.ts';

const past = (id: string, text: string, moderation: unknown, status: PastComment['status'] = 'published') => ({
  id,
  storyId: 'story-1',
  bodyHtml: `<p>${text}</p>`,
  status,
  moderation: typeof moderation === 'string' ? moderation : JSON.stringify(moderation),
  createdAt: '2026-06-15T00:00:00.000Z',
});
const under = (changes = {}) => createGuidelines({ policy: withChanges(defaultPolicy, changes) });
const civil = 'I agree with the minister on this.';

describe('replaying stored decisions', () => {
  it('judges the texts again and compares the decisions with the ones made then', () => {
    const r = replayDecisions(under({ words: { suspect: ['minister'] } }), [
      past('a', civil, { decision: 'publish', checks: {} }),
      past('b', 'The harbour plan should wait for the survey.', { decision: 'publish', checks: {} }),
    ]);
    assert.deepEqual(r.counts, {
      before: { publish: 2, hold: 0, refuse: 0 },
      after: { publish: 1, hold: 1, refuse: 0 },
    });
    assert.equal(r.changedCount, 1);
    assert.deepEqual(r.changed, [
      {
        id: 'a',
        storyId: 'story-1',
        excerpt: civil,
        before: 'publish',
        after: 'hold',
        reasons: ['suspect'],
        highlights: [{ start: 17, end: 25, rule: 'suspect', type: 'listed', text: 'minister' }],
      },
    ]);
  });

  it('keeps the stored results of the checks that judged the moment (spam, trust), and no others', () => {
    const stored = {
      decision: 'hold',
      checks: {
        spam: { verdict: 'fail', score: 1, signals: ['a text marked as spam before'] },
        trust: { verdict: 'pass', score: 0 },
        english: { verdict: 'fail', score: 1 },
      },
    };
    const r = replayDecisions(under(), [past('a', civil, stored, 'pending')]);
    // spam is kept (still held); english runs again on the text and passes
    assert.deepEqual(r.counts.after, { publish: 0, hold: 1, refuse: 0 });
    assert.equal(r.changedCount, 0);
    const released = replayDecisions(under({ rules: { spam: { decision: 'publish' } } }), [
      past('a', civil, stored, 'pending'),
    ]);
    assert.deepEqual(released.changed[0]!.after, 'publish');
  });

  it('replays a result stored with the retired closed check to the same decision', () => {
    const stored = { decision: 'publish', checks: { closed: { verdict: 'pass', score: 0 } } };
    const r = replayDecisions(under(), [past('a', civil, stored)]);
    assert.deepEqual(r.counts.after, r.counts.before);
    assert.equal(r.changedCount, 0);
  });

  it('counts a comment without a stored decision (imported) as its status says', () => {
    const r = replayDecisions(under(), [
      past('a', civil, { imported: 'disqus' }, 'published'),
      past('b', civil, { imported: 'disqus' }, 'pending'),
      past('c', civil, 'not json', 'rejected'),
    ]);
    assert.deepEqual(r.counts.before, { publish: 1, hold: 1, refuse: 1 });
    assert.deepEqual(r.counts.after, { publish: 3, hold: 0, refuse: 0 });
    assert.equal(r.changedCount, 2);
  });

  it('lists the first 100 changes and counts them all, each with a short excerpt', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      past(`c${i}`, `${civil} ${'And more words about the minister. '.repeat(8)}`, { decision: 'publish' }),
    );
    const r = replayDecisions(under({ words: { banned: ['minister'] } }), many);
    assert.equal(r.changedCount, 120);
    assert.equal(r.changed.length, 100);
    assert.equal(r.changed[0]!.excerpt.length, 160);
    assert.deepEqual(r.counts.after, { publish: 0, hold: 0, refuse: 120 });
  });
});

describe('a stored decision record', () => {
  it('reads as an object, or as nothing when it is not one', () => {
    assert.deepEqual(parseStored('{"decision":"hold"}'), { decision: 'hold' });
    assert.deepEqual(parseStored('null'), {});
    assert.deepEqual(parseStored('"text"'), {});
    assert.deepEqual(parseStored('{'), {});
  });
});
