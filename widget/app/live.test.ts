import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectLive, type EventSourceLike, type LiveEvent, liveUrl, parseLiveEvent } from './live.ts';
import { comment } from './testing.ts';

/** An EventSource that the test feeds by hand. */
class FakeSource implements EventSourceLike {
  listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? [])
      l({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent);
  }
}

function connect() {
  const sources: FakeSource[] = [];
  const events: LiveEvent[] = [];
  const close = connectLive(
    'st-9',
    (e) => events.push(e),
    (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
  );
  return { source: sources[0]!, sources, events, close };
}

describe('the live connection', () => {
  it("opens one connection to the story's events", () => {
    const { sources } = connect();
    assert.equal(sources.length, 1);
    assert.equal(sources[0]!.url, '/api/stories/st-9/events');
    assert.equal(liveUrl('st-9'), '/api/stories/st-9/events');
    assert.deepEqual([...sources[0]!.listeners.keys()].sort(), [
      'comment.created',
      'comment.edited',
      'comment.reacted',
      'comment.removed',
      'notifications.changed',
      'reset',
    ]);
  });

  it('hands on new, edited and removed comments as typed events', () => {
    const { source, events } = connect();
    const c = comment('c1');
    source.emit('comment.created', { id: 'c1', comment: c });
    source.emit('comment.edited', { id: 'c1', comment: { ...c, html: '<p>new</p>' } });
    source.emit('comment.removed', { id: 'c1', comment: null });
    assert.deepEqual(
      events.map((e) => e.type),
      ['created', 'edited', 'removed'],
    );
    assert.deepEqual(events[0], { type: 'created', comment: c });
    assert.deepEqual(events[1], { type: 'edited', id: 'c1', comment: { ...c, html: '<p>new</p>' } });
    assert.deepEqual(events[2], { type: 'removed', id: 'c1' });
  });

  it("hands on a reaction's new count and news that readers were notified", () => {
    const { source, events } = connect();
    source.emit('comment.reacted', { id: 'c1', comment: null, count: 4 });
    source.emit('comment.reacted', { id: 'c1', comment: null });
    source.emit('notifications.changed', {});
    assert.deepEqual(events, [{ type: 'reacted', id: 'c1', count: 4 }, { type: 'notified' }]);
  });

  it('hands on a reset (the server no longer has what the reader missed)', () => {
    const { source, events } = connect();
    source.emit('reset', {});
    assert.deepEqual(events, [{ type: 'reset' }]);
  });

  it('drops comments the reader may not see (sent as null) and events it cannot read', () => {
    const { source, events } = connect();
    source.emit('comment.created', { id: 'c1', comment: null });
    source.emit('comment.edited', { id: 'c1', comment: null });
    source.emit('comment.removed', {});
    source.emit('comment.created', 'not json');
    source.emit('comment.created', 'null');
    assert.deepEqual(events, []);
  });

  it('closes the connection when told to', () => {
    const { source, close } = connect();
    assert.equal(source.closed, false);
    close();
    assert.equal(source.closed, true);
  });

  it('does without live updates where there is no EventSource', () => {
    const close = connectLive('st-9', () => assert.fail('no event expected'), undefined);
    assert.doesNotThrow(close);
  });

  it('reads each event by its name', () => {
    const c = comment('x');
    const data = JSON.stringify({ id: 'x', comment: c });
    assert.deepEqual(parseLiveEvent('comment.created', data), { type: 'created', comment: c });
    assert.deepEqual(parseLiveEvent('comment.edited', data), { type: 'edited', id: 'x', comment: c });
    assert.deepEqual(parseLiveEvent('comment.removed', data), { type: 'removed', id: 'x' });
    assert.equal(parseLiveEvent('comment.edited', JSON.stringify({ comment: c })), null);
  });
});
