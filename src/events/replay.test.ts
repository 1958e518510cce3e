import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEventLog } from './replay.ts';

describe('the recent event log', () => {
  it('replays what came after an id, per key', () => {
    const log = createEventLog({ epoch: 'e' });
    const a1 = log.append('a', 'x', '1');
    log.append('b', 'x', 'b');
    log.append('a', 'x', '2');
    log.append('a', 'x', '3');
    const r = log.since('a', a1.id);
    assert.equal(r.kind, 'events');
    assert.deepEqual(r.kind === 'events' && r.events.map((e) => e.data), ['2', '3']);
    assert.deepEqual(log.since('a', log.currentId()), { kind: 'events', events: [] });
  });

  it('resets when events after the id were dropped (count, age, too many keys) or the id is not its own', () => {
    let t = 0;
    const log = createEventLog({ epoch: 'e', perKey: 2, maxAgeMs: 1000, maxKeys: 2, now: () => t });
    const first = log.append('a', 'x', '1');
    const second = log.append('a', 'x', '2');
    log.append('a', 'x', '3');
    log.append('a', 'x', '4'); // 1 and 2 are dropped: a reader who had 1 missed 2
    assert.equal(log.since('a', first.id).kind, 'reset');
    assert.equal(log.since('a', second.id).kind, 'events');
    t = 5000;
    assert.equal(log.since('a', second.id).kind, 'reset');
    assert.equal(log.since('a', 'other.1').kind, 'reset');
    assert.equal(log.since('a', 'e.999').kind, 'reset');
    const c = log.append('c', 'x', 'c');
    log.append('d', 'x', 'd'); // three keys: the oldest written (a) is forgotten
    assert.equal(log.since('a', c.id).kind, 'events');
    assert.equal(log.since('c', first.id).kind, 'reset');
    const before = log.currentId();
    log.forget(); // the bus was away: what came before may be incomplete
    assert.equal(log.since('c', before).kind, 'reset');
    assert.equal(log.since('c', c.id).kind, 'reset');
    const next = log.append('c', 'x', 'after');
    assert.deepEqual(log.since('c', next.id), { kind: 'events', events: [] });
  });

  it('hands appended events to the listeners of their key', () => {
    const log = createEventLog();
    const heard: string[] = [];
    const off = log.subscribe('a', (e) => heard.push(e.data));
    log.append('a', 'x', '1');
    log.append('b', 'x', 'b');
    off();
    log.append('a', 'x', '2');
    assert.deepEqual(heard, ['1']);
  });
});
