// Group commit: writes that arrive while the previous batch is being written
// are written together, in one transaction, by `writeBatch`. Each caller is
// answered only once its batch has committed, so an answered write is as
// durable as a write of its own. A batch that fails is retried one item at a
// time (`writeOne`), so one bad item cannot sink the others.

export interface Batcher<T> {
  write(item: T): Promise<void>;
}

export function createBatcher<T>(options: {
  writeBatch: (items: T[]) => Promise<void>;
  writeOne: (item: T) => Promise<void>;
  /** the most items in one batch */
  max?: number;
}): Batcher<T> {
  const max = options.max ?? 500;
  const queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length) {
        const batch = queue.splice(0, max);
        try {
          if (batch.length === 1) await options.writeOne(batch[0]!.item);
          else await options.writeBatch(batch.map((b) => b.item));
          for (const b of batch) b.resolve();
        } catch (batchError) {
          if (batch.length === 1) batch[0]!.reject(batchError);
          else
            for (const b of batch) {
              try {
                await options.writeOne(b.item);
                b.resolve();
              } catch (err) {
                b.reject(err);
              }
            }
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    write: (item) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // The first write of a quiet moment goes at once; the ones arriving
        // while it is written wait for it and then go together.
        if (!writing) void drain();
      }),
  };
}
