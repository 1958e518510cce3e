import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId } from '../http/testing.ts';

// A story's server-sent events carry ids; a reader reconnecting with
// Last-Event-ID gets what it missed, in order, or a reset when that is gone.

interface Frame {
  id?: string;
  event?: string;
  data?: string;
}

/** An open event stream: the frames read so far, and a wait for more. */
function openStream(base: string, path: string, headers: Record<string, string> = {}) {
  const frames: Frame[] = [];
  let buffer = '';
  let wake = () => {};
  const req = http.get(`${base}${path}`, { headers }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame: Frame = {};
        for (const line of buffer.slice(0, end).split('\n')) {
          const m = /^(id|event|data): ?(.*)$/.exec(line);
          if (m) frame[m[1] as keyof Frame] = m[2];
        }
        if (frame.id !== undefined || frame.event) frames.push(frame);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
      wake();
    });
  });
  return {
    frames,
    /** the frames that are events (not a bare id) */
    events: () => frames.filter((f) => f.event),
    async until(check: () => boolean) {
      const deadline = Date.now() + 2000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`stream: ${JSON.stringify(frames)}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
    },
    close: () => req.destroy(),
  };
}

describe("a story's event stream", () => {
  let app: App;
  let base: string;
  let storyId: string;
  before(async () => {
    app = await buildTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    storyId = await demoArticleStoryId(app);
  });
  after(async () => app.close());

  const publish = (commentId: string, change: 'created' | 'edited' | 'removed' = 'created', story = storyId) =>
    app.services.bus.publish({
      type: 'comment.changed',
      siteId: 'demo',
      storyId: story,
      storyUrl: 'https://news.test/x',
      change,
      commentId,
      comment: change === 'removed' ? null : { id: commentId },
    });

  it('numbers its events, and a reconnect with Last-Event-ID gets exactly those it missed, in order', async () => {
    const first = openStream(base, `/api/stories/${storyId}/events`);
    await first.until(() => first.frames.length >= 1); // the bare id a new stream starts from
    publish('c1');
    publish('c2');
    await first.until(() => first.events().length === 2);
    const ids = first.events().map((f) => f.id!);
    assert.equal(new Set(ids).size, 2);
    assert.ok(ids.every((id) => /^.+\.\d+$/.test(id)));
    assert.ok(Number(ids[1]!.split('.').at(-1)) > Number(ids[0]!.split('.').at(-1)));
    first.close();
    await new Promise((r) => setTimeout(r, 50));

    publish('c3');
    publish('c3', 'edited');
    publish('c4', 'removed');
    publish('other', 'created', 'another-story'); // for another story: not replayed
    const again = openStream(base, `/api/stories/${storyId}/events`, { 'last-event-id': ids[1]! });
    await again.until(() => again.events().length >= 3);
    assert.deepEqual(
      again.events().map((f) => [f.event, JSON.parse(f.data!).id]),
      [
        ['comment.created', 'c3'],
        ['comment.edited', 'c3'],
        ['comment.removed', 'c4'],
      ],
    );
    // then live ones, after the replay
    publish('c5');
    await again.until(() => again.events().length === 4);
    assert.equal(JSON.parse(again.events()[3]!.data!).id, 'c5');
    const all = again.events().map((f) => Number(f.id!.split('.').at(-1)));
    assert.deepEqual(
      all,
      [...all].sort((a, b) => a - b),
    );
    again.close();

    // ?lastEventId= does as the header does
    const byQuery = openStream(base, `/api/stories/${storyId}/events?lastEventId=${encodeURIComponent(ids[1]!)}`);
    await byQuery.until(() => byQuery.events().length >= 4);
    assert.deepEqual(
      byQuery.events().map((f) => JSON.parse(f.data!).id),
      ['c3', 'c3', 'c4', 'c5'],
    );
    byQuery.close();
  });

  it('answers an id it does not know (too old, another instance) with a reset', async () => {
    for (const lastId of ['0123abc.5', 'nonsense']) {
      const s = openStream(base, `/api/stories/${storyId}/events`, { 'last-event-id': lastId });
      await s.until(() => s.events().length >= 1);
      assert.equal(s.events()[0]!.event, 'reset');
      assert.ok(s.events()[0]!.id, 'a reset carries the current id, so the next reconnect resumes from it');
      s.close();
    }
  });
});
