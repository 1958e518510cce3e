import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const bin = new URL('../../bin/parley.js', import.meta.url).pathname;

function run(args: string[], input: string): Promise<{ code: number | null; lines: any[] }> {
  const child = spawn(process.execPath, [bin, 'moderate', ...args], { env: { ...process.env, DATABASE_URL: '' } });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({
        code,
        lines: out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      }),
    ),
  );
}

describe('parley moderate', () => {
  it('answers every line in order, reporting malformed ones by number and going on', async () => {
    const input = [
      '{"id":"a","text":"I agree with the minister on this."}',
      '{"id":"b","text":"lol"}',
      'this is not json',
      '{"id":"c"}',
      '{"id":"d","text":"mujhe lagta hai ki yeh faisla bilkul galat hai"}',
    ].join('\n');
    const { code, lines } = await run([], input);
    assert.equal(code, 65);
    assert.deepEqual(
      lines.map((l) => l.id ?? `line ${l.line}`),
      ['a', 'b', 'line 3', 'line 4', 'd'],
    );
    assert.equal(lines[0].decision, 'publish');
    assert.equal(lines[0].checks.english.verdict, 'pass');
    assert.equal(lines[1].decision, 'refuse');
    assert.equal(lines[1].nudge, true);
    assert.deepEqual(lines[1].reasons, ['Comments have to be in full sentences.']);
    assert.match(lines[2].error, /JSON/);
    assert.match(lines[3].error, /"text" string/);
    assert.equal(lines[4].checks.english.language, 'hi-Latn');
  });

  it('takes word lists and rules from a policy file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 'paper-7',
        words: { banned: ['scoundrel'], suspect: ['rigged'] },
        rules: {
          banned: { decision: 'refuse', nudge: false, message: 'No name-calling.' },
          suspect: { decision: 'hold', nudge: false, message: 'A moderator will look.' },
        },
      }),
    );
    const { code, lines } = await run(
      ['--policy', file],
      '{"id":1,"text":"What a sc0undrel this man is."}\n{"id":2,"text":"The election was rigged, I am sure of it."}\n',
    );
    assert.equal(code, 0);
    assert.equal(lines[0].decision, 'refuse');
    assert.equal(lines[0].nudge, false);
    assert.deepEqual(lines[0].checks.banned.matches, ['scoundrel']);
    assert.equal(lines[1].decision, 'hold');
    assert.equal(lines[1].policy, 'paper-7');
  });
});
