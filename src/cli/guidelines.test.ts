import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// The site-model commands on a fresh embedded database: what an operator sees
// before the moderators have decided enough comments (the training itself is
// tested in src/guidelines/learning.usecases.test.ts).

const bin = new URL('../../bin/parley.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'parley-guidelines-cli-'));
const parley = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('parley guidelines', () => {
  it('lists no models, refuses to train on too few decisions and to turn on a model that is not there', () => {
    assert.equal(parley('seed-demo').code, 0);
    const list = parley('guidelines', 'models');
    assert.equal(list.code, 0);
    assert.match(list.out, /no site models for demo: the shipped model is on/);
    const train = parley('guidelines', 'train');
    assert.equal(train.code, 1);
    assert.match(train.err, /at least 40/);
    const missing = parley('guidelines', 'activate', '3');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such model/);
    assert.equal(parley('guidelines', 'activate', 'soon').code, 1);
    assert.match(parley('guidelines', 'activate', 'shipped').out, /the shipped model is on/);
    assert.match(parley('help').out, /guidelines train/);
  });
});
