import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const bin = new URL('../bin/parley.js', import.meta.url).pathname;
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
}

describe('the parley command', () => {
  it('explains itself', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /start \[--demo\]/);
    assert.match(r.stdout, /seed-demo/);
    assert.match(r.stdout, /DATABASE_URL/);
  });

  it('refuses unknown commands and options', () => {
    assert.equal(run(['frobnicate']).status, 2);
    assert.equal(run(['start', '--bogus']).status, 2);
  });

  it('reports every bad setting before starting', () => {
    const r = run(['start'], { PORT: 'http', LOG_LEVEL: 'chatty' });
    assert.equal(r.status, 78);
    assert.match(r.stderr, /PORT="http" must be a whole number/);
    assert.match(r.stderr, /LOG_LEVEL="chatty" must be one of/);
  });

  it('migrates and seeds the demo once', () => {
    const dir = tempDir();
    assert.match(run(['migrate'], { PARLEY_DATA_DIR: dir }).stdout, /applied: 0001_foundation/);
    assert.match(run(['migrate'], { PARLEY_DATA_DIR: dir }).stdout, /up to date/);
    assert.match(run(['seed-demo'], { PARLEY_DATA_DIR: dir }).stdout, /demo site created/);
    assert.match(run(['seed-demo'], { PARLEY_DATA_DIR: dir }).stdout, /already exists/);
  });

  it('starts with demo content, serves pages and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [bin, 'start', '--demo'], {
      env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', PARLEY_DATA_DIR: dir, LOG_LEVEL: 'info' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${out}`)), 20_000);
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const front = await fetch(`${url}/`);
      assert.equal(front.status, 200);
      assert.match(await front.text(), /The Meridian Herald/);
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
