import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

// The command as a publisher's engineer scripts it: help per command, the
// version, JSON to pipe into jq, and every setting named in the help.

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'bin/parley.js');
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-help-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', PARLEY_DATA_DIR: dir },
    encoding: 'utf8',
  });
}

describe('parley, for scripts', () => {
  it('prints its version and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = run([flag]);
      assert.equal(r.status, 0, flag);
      assert.equal(r.stdout.trim(), version);
    }
  });

  it("prints a command's own help, with examples, not the global one", () => {
    const main = readFileSync(join(root, 'src/cli/main.ts'), 'utf8');
    const commands = [...main.matchAll(/case '([a-z][a-z -]*)':/g)].map((m) => m[1]!);
    assert.ok(commands.includes('import') && commands.includes('guidelines models'));
    for (const command of commands) {
      const r = run([...command.split(' '), '--help']);
      assert.equal(r.status, 0, command);
      assert.ok(r.stdout.startsWith(`Usage: parley ${command} `), `${command}: ${r.stdout.slice(0, 80)}`);
      assert.match(r.stdout, /Examples:\n {2}.*\bparley /, command);
      assert.doesNotMatch(r.stdout, /^Commands:/m, command);
    }
    assert.equal(run(['help', 'export']).stdout, run(['export', '--help']).stdout);
    assert.match(run(['guidelines', '--help']).stdout, /guidelines train/);
    assert.equal(run(['help', 'frobnicate']).status, 2);
  });

  it('names every environment variable that changes what Parley does, and the exit codes', () => {
    const sources = [
      readFileSync(join(root, 'src/config/config.ts'), 'utf8'),
      readFileSync(join(root, 'bin/node24.js'), 'utf8'),
    ].join('\n');
    const names = new Set(
      [...sources.matchAll(/(?:integer|flag|url)\('([A-Z][A-Z0-9_]+)'|\benv\.([A-Z][A-Z0-9_]+)/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
    );
    names.delete('PATH'); // where npm is looked for, not a setting of Parley
    assert.ok(names.size >= 15, [...names].join(' '));
    const help = run(['--help']).stdout;
    const missing = [...names].filter((n) => !new RegExp(`^ {2}${n} `, 'm').test(help));
    assert.deepEqual(missing, []);
    for (const code of [0, 1, 2, 65, 66, 78]) assert.match(help, new RegExp(`^ {2}${code} `, 'm'));
  });

  it('reports as JSON with --json', () => {
    const first = JSON.parse(run(['migrate', '--json']).stdout);
    assert.equal(first.upToDate, false);
    assert.ok(first.applied.includes('0001_foundation'));
    assert.deepEqual(JSON.parse(run(['migrate', '--json']).stdout), { applied: [], upToDate: true });
    assert.deepEqual(JSON.parse(run(['seed-demo', '--json']).stdout), { created: true });
    assert.deepEqual(JSON.parse(run(['guidelines', 'models', '--json']).stdout), { siteId: 'demo', models: [] });
    const user = JSON.parse(
      run(['user', 'create', '--email', 'ada@example.org', '--name', 'Ada', '--role', 'admin', '--json']).stdout,
    );
    assert.deepEqual([user.email, user.role, typeof user.password], ['ada@example.org', 'admin', 'string']);
    assert.deepEqual(JSON.parse(run(['maintenance', '--json']).stdout), { deletedAccounts: 0, expiredSessions: 0 });
  });
});
