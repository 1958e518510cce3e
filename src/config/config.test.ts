import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.defaultSiteId, 'demo');
    assert.ok(c.dataDir.endsWith('/data'));
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9000',
      PARLEY_DATA_DIR: '/var/lib/parley',
      DATABASE_URL: 'postgres://u:p@db/parley',
      LOG_LEVEL: 'warn',
      PARLEY_PUBLIC_URL: 'https://news.example/',
      PARLEY_PAGE_MAX_AGE: '0',
      PARLEY_TRUST_PROXY: 'true',
    });
    assert.equal(c.port, 9000);
    assert.equal(c.dataDir, '/var/lib/parley');
    assert.equal(c.databaseUrl, 'postgres://u:p@db/parley');
    assert.equal(c.publicUrl, 'https://news.example');
    assert.equal(c.pageMaxAge, 0);
    assert.equal(c.trustProxy, true);
  });

  it('reports every bad value at once, without leaking passwords', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://u:secret@db/x',
        LOG_LEVEL: 'loud',
        PARLEY_TRUST_PROXY: 'maybe',
      });
      assert.fail('should have thrown');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.problems.length, 4);
      assert.match(err.message, /PORT="eighty" must be a whole number from 0 to 65535/);
      assert.match(err.message, /DATABASE_URL="mysql:\/\/u:\*\*\*@db\/x" must be a URL starting with postgres:/);
      assert.doesNotMatch(err.message, /secret/);
      assert.match(err.message, /LOG_LEVEL="loud"/);
    }
  });
});
