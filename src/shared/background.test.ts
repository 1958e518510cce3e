import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackground } from './background.ts';

describe('background work', () => {
  it('drains tracked work, including work started while draining', async () => {
    const bg = createBackground();
    const done: string[] = [];
    bg.track(
      new Promise<void>((r) =>
        setTimeout(() => {
          done.push('first');
          bg.track(new Promise<void>((r2) => setTimeout(() => r2(done.push('second') as never), 20)));
          r();
        }, 20),
      ),
    );
    bg.track(Promise.reject(new Error('failed work still counts as done'))).catch(() => {});
    assert.equal(await bg.drain(1000), true);
    assert.deepEqual(done, ['first', 'second']);
    assert.equal(bg.pending(), 0);
  });

  it('gives up after its time', async () => {
    const bg = createBackground();
    const timer = setTimeout(() => {}, 10_000);
    bg.track(new Promise(() => {}));
    const start = Date.now();
    assert.equal(await bg.drain(50), false);
    assert.ok(Date.now() - start < 1000);
    clearTimeout(timer);
  });
});
