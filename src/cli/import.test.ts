import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const bin = new URL('../../bin/parley.js', import.meta.url).pathname;

describe('parley import and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-import-'));
  const env = { ...process.env, DATABASE_URL: '', PARLEY_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
  const parley = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

  it('imports a file with a summary, reports a malformed one by line, and exports it again', () => {
    assert.equal(parley('seed-demo').status, 0);
    const file = join(dir, 'old.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          type: 'comment',
          id: 'a',
          url: 'https://www.news.test/world/island-nations-agree-to-reopen-fisheries-talks/',
          author: { name: 'Old Reader' },
          text: 'An old comment about the talks.',
          createdAt: '2023-01-01T00:00:00Z',
        }),
        JSON.stringify({
          type: 'comment',
          id: 'b',
          url: 'https://old.example/gone',
          author: { name: 'Old Reader' },
          text: 'On a page that is gone.',
          createdAt: '2023-01-02T00:00:00Z',
        }),
        JSON.stringify({
          type: 'comment',
          id: 'c',
          author: { name: 'No Thread' },
          text: 'x',
          createdAt: '2023-01-02T00:00:00Z',
        }),
      ].join('\n'),
    );
    const dry = parley('import', 'jsonl', file, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(
      dry.stdout,
      /dry run, nothing written: 2 threads \(1 matched to articles, 1 kept as stories of their own\), 2 comments/,
    );
    assert.match(dry.stdout, /skipped at line 3: comment c needs a thread or url/);
    const real = parley('import', 'jsonl', file);
    assert.match(real.stdout, /written: 2 new, 0 already there/);
    assert.match(parley('import', 'jsonl', file).stdout, /written: 0 new, 2 already there/);
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(
      broken,
      `${JSON.stringify({ type: 'thread', id: 't', url: 'https://old.example/t' })}\n{"type": "comment", oops\n`,
    );
    const bad = parley('import', 'jsonl', broken);
    assert.equal(bad.status, 65);
    assert.match(bad.stderr, /malformed JSON.*\(at line 2\)/);
    assert.equal(parley('import', 'vuukle', file).status, 1);
    const out = parley('export', '--format', 'jsonl');
    assert.equal(out.status, 0);
    assert.match(out.stdout, /An old comment about the talks\./);
    assert.match(parley('export', '--format', 'disqus').stdout, /^<\?xml[\s\S]*<post dsq:id=/);
  });
});
