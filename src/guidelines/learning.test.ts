import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelsOf } from './learning.ts';

describe("what a moderator's decision teaches the site's model", () => {
  it('takes an approval of a held or refused comment as a clean example', () => {
    assert.deepEqual(labelsOf({ status: 'pending', appealed: false, action: 'approve' }), {
      abusive: 0,
      personal: 0,
      source: 'approved-held',
    });
    assert.deepEqual(
      labelsOf({ status: 'rejected', appealed: true, action: 'approve_trust' })?.source,
      'appeal-upheld',
    );
    assert.deepEqual(labelsOf({ status: 'rejected', appealed: false, action: 'approve' })?.source, 'approved-refused');
  });

  it('takes a refusal for abuse or a personal attack as an abusive example, with its target when known', () => {
    assert.deepEqual(labelsOf({ status: 'published', appealed: false, action: 'refuse', reason: 'personal' }), {
      abusive: 1,
      personal: 1,
      source: 'refused-published',
    });
    assert.deepEqual(labelsOf({ status: 'pending', appealed: false, action: 'refuse', reason: 'abusive' }), {
      abusive: 1,
      personal: null,
      source: 'refused-held',
    });
  });

  it('keeps nothing from decisions that say nothing about abuse', () => {
    for (const d of [
      { status: 'pending' as const, appealed: false, action: 'refuse', reason: 'spam' },
      { status: 'pending' as const, appealed: false, action: 'refuse', reason: 'english' },
      { status: 'published' as const, appealed: false, action: 'approve' },
      { status: 'published' as const, appealed: false, action: 'feature' },
    ])
      assert.equal(labelsOf(d), undefined, JSON.stringify(d));
  });
});
