// Work done after the answer (a comment's notifications, its author's
// signals): nobody waits for it, but a shutdown must, or it would close the
// database under it. Such work is tracked here and drained before the storage
// closes, within a grace period.

export interface Background {
  /** Keeps the promise in the count until it settles; gives it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for tracked work (and work it starts meanwhile); false when time ran out first. */
  drain(timeoutMs: number): Promise<boolean>;
  pending(): number;
}

export function createBackground(): Background {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      running.add(work);
      void work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      return work;
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((r) => {
          timer = setTimeout(() => r('timeout'), left);
        });
        const settled = Promise.allSettled([...running]);
        const first = await Promise.race([settled, timedOut]);
        clearTimeout(timer);
        if (first === 'timeout') return false;
      }
      return true;
    },
    pending: () => running.size,
  };
}
