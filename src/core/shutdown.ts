import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Bus } from '../events/bus.ts';
import type { Background } from '../shared/background.ts';
import type { Storage } from '../storage/database.ts';

// The end of a Parley: work begun after answers ends first (within the
// grace), then what writes to the database, then the database itself.

export async function closeServices(
  services: {
    background: Background;
    log: Logger;
    config: Config;
    liveHub: { close(): void };
    views: { flush(): Promise<unknown> };
    /** activities still being queued for webhooks */
    webhookQueue: { settle(): Promise<unknown>; stop(): void };
    bus: Bus;
    storage: Storage;
  },
  ownsStorage: boolean,
): Promise<void> {
  const { background, log, config } = services;
  if (!(await background.drain(config.shutdownGraceMs)))
    log.warn({ pending: background.pending() }, 'shutdown: background work cut short');
  services.liveHub.close();
  await services.views.flush().catch(() => {});
  await services.webhookQueue.settle();
  services.webhookQueue.stop();
  if ('close' in services.bus) await (services.bus as { close(): Promise<void> }).close();
  if (ownsStorage) await services.storage.close();
}
