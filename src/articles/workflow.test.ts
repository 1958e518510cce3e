import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowState } from './workflow.ts';

describe("an article's workflow state", () => {
  const at = '2026-06-15T06:30:00.000Z';
  it('is a draft until it is scheduled or published', () => {
    assert.equal(workflowState({ status: 'draft', scheduledAt: null, publishedAt: null }), 'draft');
    assert.equal(workflowState({ status: 'draft', scheduledAt: at, publishedAt: null }), 'scheduled');
    assert.equal(workflowState({ status: 'published', scheduledAt: null, publishedAt: at }), 'published');
  });

  it('remembers that a draft was once published', () => {
    assert.equal(workflowState({ status: 'draft', scheduledAt: null, publishedAt: at }), 'unpublished');
    // scheduled again after unpublishing: the schedule is what the editor acts on
    assert.equal(workflowState({ status: 'draft', scheduledAt: at, publishedAt: at }), 'scheduled');
  });
});
