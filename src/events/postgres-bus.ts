import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Bus, BusListener, BusState, EventOrigin, ParleyEvent } from './bus.ts';

// Several app instances on one database hear each other's events through
// PostgreSQL's LISTEN/NOTIFY: new comments reach readers connected to any
// instance, and every instance drops its cached pages when content changes.
// Events from this instance are delivered locally at once and not again.
//
// The listening connection can be lost (a restarted database, a failover, a
// killed backend). It is then opened again with a growing, jittered delay;
// meanwhile `state()` says 'reconnecting' (/healthz answers 503), and once
// back the instance hears `bus.reconnected`, so that it forgets what it
// cached: events sent during the gap are lost to it.

const MAX_PAYLOAD = 7_500; // NOTIFY payloads stop at 8,000 bytes

export interface PostgresBus extends Bus {
  close(): Promise<void>;
}

export async function createPostgresBus(options: {
  connectionString: string;
  channel: string;
  onError?: (err: unknown) => void;
  /** first and longest wait before connecting again (ms) */
  backoff?: { initialMs: number; maxMs: number };
}): Promise<PostgresBus> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`invalid channel name: ${options.channel}`);
  const me = randomBytes(8).toString('hex');
  const backoff = options.backoff ?? { initialMs: 100, maxMs: 5_000 };
  const onError = (err: unknown) => options.onError?.(err);
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
  const sender = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  sender.on('error', onError);

  let listener: pg.Client | undefined;
  let state: BusState = 'reconnecting';
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const onNotification = (n: pg.Notification) => {
    if (!n.payload) return;
    try {
      const { from, event } = JSON.parse(n.payload) as { from: string; event: ParleyEvent };
      if (from !== me) deliver(event, { local: false });
    } catch (err) {
      onError(err);
    }
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: options.connectionString, keepAlive: true });
    const lost = (err?: unknown) => {
      if (err) onError(err);
      if (client !== listener || closed) return;
      listener = undefined;
      state = 'reconnecting';
      client.end().catch(() => {});
      again();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', onNotification);
    try {
      await client.connect();
      await client.query(`listen ${options.channel}`);
    } catch (err) {
      client.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    listener = client;
    state = 'listening';
    attempt = 0;
  }

  function again(): void {
    if (closed || retry) return;
    const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt++) * (0.5 + Math.random() / 2);
    retry = setTimeout(() => {
      retry = undefined;
      listen().then(
        () => {
          if (!closed) deliver({ type: 'bus.reconnected' }, { local: true });
        },
        (err) => {
          onError(err);
          again();
        },
      );
    }, delay);
    retry.unref();
  }

  // The first connection must work: an instance that cannot listen does not start.
  await listen();

  return {
    publish(event) {
      deliver(event, { local: true });
      let payload = JSON.stringify({ from: me, event });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD && event.type === 'comment.changed') {
        // Too long to carry: other instances learn that it changed, and readers there reload it.
        payload = JSON.stringify({ from: me, event: { ...event, comment: null } });
      }
      sender.query('select pg_notify($1, $2)', [options.channel, payload]).catch(onError);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    state: () => state,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await listener?.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
