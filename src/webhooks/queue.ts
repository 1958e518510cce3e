import type { Bus } from '../events/bus.ts';
import type { WebhooksRepository } from './webhooks.repository.ts';
import { queueActivity } from './webhooks.usecases.ts';

export interface WebhookQueue {
  /** resolves when every event heard so far is in the queue (the CLI waits before it exits) */
  settle(): Promise<void>;
  stop(): void;
}

// Activities on the bus become rows in webhook_deliveries, out of the request's
// way: posting a comment never waits for a receiver, nor even for the queue.
export function subscribeWebhooks(deps: {
  bus: Bus;
  webhooksRepository: WebhooksRepository;
  onError: (err: unknown) => void;
}): WebhookQueue {
  const pending = new Set<Promise<unknown>>();
  const stop = deps.bus.subscribe((event) => {
    if (event.type !== 'activity') return;
    const p = queueActivity(deps, event)
      .catch(deps.onError)
      .finally(() => pending.delete(p));
    pending.add(p);
  });
  return {
    async settle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    stop,
  };
}
