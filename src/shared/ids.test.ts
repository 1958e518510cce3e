import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids.ts';

describe('newId', () => {
  it('sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_800_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 1000);
    assert.ok(newId(1_800_000_000_001) > ids[ids.length - 1]!);
    assert.match(ids[0]!, /^[0-9a-z]{20}$/);
  });
});
