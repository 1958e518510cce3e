import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Bus, BusListener, EventOrigin, ParleyEvent } from './bus.ts';

// Several app instances on one database hear each other's events through
// PostgreSQL's LISTEN/NOTIFY: new comments reach readers connected to any
// instance, and every instance drops its cached pages when content changes.
// Events from this instance are delivered locally at once and not again.

const MAX_PAYLOAD = 7_500; // NOTIFY payloads stop at 8,000 bytes

export interface PostgresBus extends Bus {
  close(): Promise<void>;
}

export async function createPostgresBus(options: {
  connectionString: string;
  channel: string;
  onError?: (err: unknown) => void;
}): Promise<PostgresBus> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`invalid channel name: ${options.channel}`);
  const me = randomBytes(8).toString('hex');
  const listeners = new Set<BusListener>();
  const deliver = (event: ParleyEvent, origin: EventOrigin) => {
    for (const l of listeners) {
      try {
        l(event, origin);
      } catch {
        // one failing listener must not silence the others
      }
    }
  };
  const listener = new pg.Client({ connectionString: options.connectionString });
  const sender = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  listener.on('error', (err) => options.onError?.(err));
  sender.on('error', (err) => options.onError?.(err));
  await listener.connect();
  await listener.query(`listen ${options.channel}`);
  listener.on('notification', (n) => {
    if (!n.payload) return;
    try {
      const { from, event } = JSON.parse(n.payload) as { from: string; event: ParleyEvent };
      if (from !== me) deliver(event, { local: false });
    } catch (err) {
      options.onError?.(err);
    }
  });

  return {
    publish(event) {
      deliver(event, { local: true });
      let payload = JSON.stringify({ from: me, event });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD && event.type === 'comment.changed') {
        // Too long to carry: other instances learn that it changed, and readers there reload it.
        payload = JSON.stringify({ from: me, event: { ...event, comment: null } });
      }
      sender.query('select pg_notify($1, $2)', [options.channel, payload]).catch((err) => options.onError?.(err));
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
