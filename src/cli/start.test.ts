import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// `parley start` as a deploy stops it: SIGTERM with a reader's live stream open.

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('parley start', () => {
  it('exits within seconds of SIGTERM while server-sent event streams are open, ending them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/parley.js', 'start', '--demo'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARLEY_DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const up = await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        assert.ok(i < 600, 'parley started');
        await new Promise((r) => setTimeout(r, 100));
      }
      const stream = await fetch(`${base}/api/live/events`, { headers: { accept: 'text/event-stream' } });
      assert.equal(stream.status, 200);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value);
      assert.match(text, /retry: 3000/);

      const stoppedAt = Date.now();
      child.kill('SIGTERM');
      const timeout = new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5_000).unref());
      const result = await Promise.race([exited, timeout]);
      assert.notEqual(result, 'hung', 'the process exits within 5 seconds');
      assert.deepEqual(result, [0, null]);
      assert.ok(Date.now() - stoppedAt < 5_000);
      // The reader was told to come back soon, and the stream ended.
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value);
      }
      assert.match(text, /retry: 1000/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
