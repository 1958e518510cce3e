import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatcher } from './batcher.ts';

describe('createBatcher', () => {
  it('writes what arrives during a write as one batch, and answers each after its batch', async () => {
    const batches: number[][] = [];
    const b = createBatcher<number>({
      writeBatch: async (items) => {
        await new Promise((r) => setTimeout(r, 5));
        batches.push(items);
      },
      writeOne: async (item) => {
        await new Promise((r) => setTimeout(r, 5));
        batches.push([item]);
      },
    });
    const first = b.write(1);
    const rest = [2, 3, 4].map((n) => b.write(n));
    await first;
    assert.deepEqual(batches, [[1]]);
    await Promise.all(rest);
    assert.deepEqual(batches, [[1], [2, 3, 4]]);
  });

  it('retries a failed batch one at a time, so one bad item fails alone', async () => {
    const written: number[] = [];
    const b = createBatcher<number>({
      writeBatch: async (items) => {
        if (items.includes(13)) throw new Error('batch failed');
        written.push(...items);
      },
      writeOne: async (item) => {
        await new Promise((r) => setTimeout(r, 1));
        if (item === 13) throw new Error('thirteen');
        written.push(item);
      },
    });
    const results = await Promise.allSettled([0, 12, 13, 14].map((n) => b.write(n)));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(written.sort(), [0, 12, 14]);
  });
});
