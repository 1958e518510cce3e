import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

// The README's commands run on the machine's own Node.js, whatever it is
// (20, 22 or 24): bin/parley.js and bin/with-node24.js find or fetch Node 24.

const root = new URL('../', import.meta.url).pathname;
/** An older Node.js than the one running the tests, if the machine has one. */
function olderNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const v = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (Number(v.slice(1).split('.')[0]) < 24) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}
const older = olderNode();

describe('the launcher on an older Node.js', {
  skip: older ? false : 'no Node.js older than 24 on this machine',
}, () => {
  it('runs the parley command with Node.js 24', () => {
    const r = spawnSync(older!, ['bin/parley.js', 'help'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: parley <command>/);
  });

  it('puts Node.js 24 first on PATH for the test command', () => {
    const r = spawnSync(older!, ['bin/with-node24.js', 'node', '-p', 'process.versions.node'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Number(r.stdout.trim().split('.')[0]) >= 24, r.stdout);
  });

  it('passes the exit status through', () => {
    const r = spawnSync(older!, ['bin/with-node24.js', 'node', '-e', 'process.exit(7)'], { cwd: root });
    assert.equal(r.status, 7);
  });
});
