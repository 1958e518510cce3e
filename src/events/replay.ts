import { randomBytes } from 'node:crypto';

// A bounded recent log of the server-sent events of each stream key (a
// story), so that a reader who reconnects with `Last-Event-ID` gets what it
// missed. The log is in memory, per instance: ids are `<epoch>.<seq>`, the
// epoch naming this process, so an id from another instance (or from before a
// restart) is unknown here and the reader is told to reload (a reset) rather
// than silently missing events.

export interface LoggedEvent {
  /** the id sent as `id:` */
  id: string;
  /** the SSE event name */
  name: string;
  /** the SSE data, one line (JSON) */
  data: string;
}

export type Replay = { kind: 'events'; events: LoggedEvent[] } | { kind: 'reset' };

export interface EventLog {
  /** Records an event of `key`, hands it to the key's listeners, returns it with its id. */
  append(key: string, name: string, data: string): LoggedEvent;
  /** The events of `key` after `lastId`, or a reset when some of them are no longer known. */
  since(key: string, lastId: string): Replay;
  /** The id of the newest event of any key (what a new stream starts from). */
  currentId(): string;
  /** Events may have been missed (the bus was away): ids up to now get a reset. */
  forget(): void;
  /** Hears the events of `key` as they are appended; returns the unsubscribe. */
  subscribe(key: string, listener: (event: LoggedEvent) => void): () => void;
}

interface Entry extends LoggedEvent {
  seq: number;
  at: number;
}

interface Ring {
  entries: Entry[];
  /** the highest seq dropped from this ring */
  lostUpTo: number;
}

export function createEventLog(
  options: { perKey?: number; maxAgeMs?: number; maxKeys?: number; now?: () => number; epoch?: string } = {},
): EventLog {
  const perKey = options.perKey ?? 200;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const epoch = options.epoch ?? `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const rings = new Map<string, Ring>();
  const listeners = new Map<string, Set<(event: LoggedEvent) => void>>();
  let seq = 0;
  /** the highest seq of any ring forgotten whole (too many keys) */
  let forgottenUpTo = 0;

  const prune = (ring: Ring) => {
    const oldest = now() - maxAgeMs;
    let drop = Math.max(0, ring.entries.length - perKey);
    while (drop < ring.entries.length && ring.entries[drop]!.at < oldest) drop++;
    if (drop === 0) return;
    ring.lostUpTo = Math.max(ring.lostUpTo, ring.entries[drop - 1]!.seq);
    ring.entries.splice(0, drop);
  };

  return {
    append(key, name, data) {
      seq++;
      const entry: Entry = { id: `${epoch}.${seq}`, name, data, seq, at: now() };
      const ring = rings.get(key) ?? { entries: [], lostUpTo: 0 };
      rings.delete(key); // the most recently written key goes last: the first is the one forgotten
      rings.set(key, ring);
      ring.entries.push(entry);
      prune(ring);
      while (rings.size > maxKeys) {
        const [oldKey, old] = rings.entries().next().value as [string, Ring];
        forgottenUpTo = Math.max(forgottenUpTo, old.lostUpTo, old.entries.at(-1)?.seq ?? 0);
        rings.delete(oldKey);
      }
      const event = { id: entry.id, name, data };
      for (const l of listeners.get(key) ?? []) {
        try {
          l(event);
        } catch {
          // one failing stream must not silence the others
        }
      }
      return event;
    },
    since(key, lastId) {
      const m = /^(.+)\.(\d+)$/.exec(lastId);
      const after = m && m[1] === epoch ? Number(m[2]) : Number.NaN;
      if (!(after <= seq)) return { kind: 'reset' };
      const ring = rings.get(key);
      if (ring) prune(ring);
      if (after < Math.max(forgottenUpTo, ring?.lostUpTo ?? 0)) return { kind: 'reset' };
      const events = (ring?.entries ?? [])
        .filter((e) => e.seq > after)
        .map(({ id, name, data }) => ({ id, name, data }));
      return { kind: 'events', events };
    },
    currentId: () => `${epoch}.${seq}`,
    forget() {
      // even the newest id: events may have come after it, unheard
      forgottenUpTo = seq + 1;
    },
    subscribe(key, listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
  };
}

/** One server-sent event, as written on the stream. */
export function sseFrame(event: LoggedEvent): string {
  return `id: ${event.id}\nevent: ${event.name}\ndata: ${event.data}\n\n`;
}
