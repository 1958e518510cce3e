import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decisionOf, statusFor } from './pipeline.ts';

it("maps a decision to the comment's status and back", () => {
  assert.equal(statusFor('publish'), 'published');
  assert.equal(statusFor('hold'), 'pending');
  assert.equal(statusFor('refuse'), 'rejected');
  for (const d of ['publish', 'hold', 'refuse'] as const) assert.equal(decisionOf(statusFor(d)), d);
  // a deleted comment was not published, whatever it was before
  assert.equal(decisionOf('deleted'), 'refuse');
});
