import type { Logger } from 'pino';
import { type Bus, createInProcessBus } from './bus.ts';
import { createPostgresBus } from './postgres-bus.ts';

/** One instance: events stay in the process. On PostgreSQL, instances share them through LISTEN/NOTIFY. */
export async function openBus(input: {
  engine: 'sqlite' | 'postgres';
  connectionString: string | undefined;
  channel: string | undefined;
  log: Logger;
}): Promise<Bus> {
  if (input.engine !== 'postgres' || !input.connectionString) return createInProcessBus();
  return createPostgresBus({
    connectionString: input.connectionString,
    channel: input.channel ?? 'parley_events',
    onError: (err) => input.log.warn({ err }, 'event bus: connection trouble'),
  });
}
