import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../http/testing.ts';
import { openStorage } from '../storage/database.ts';

describe('GET /healthz', () => {
  it('is 200 while the database answers', async () => {
    const app = await buildTestApp();
    try {
      const res = await app.inject({ url: '/healthz' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: 'ok', engine: 'sqlite', bus: 'local' });
      assert.equal(res.headers['cache-control'], 'no-store');
    } finally {
      await app.close();
    }
  });

  it('is 503 when the database does not answer', async () => {
    const storage = await openStorage({ dataDir: ':memory:' });
    const app = await buildTestApp({
      storage: { ...storage, ping: async () => Promise.reject(new Error('connection refused')) },
    });
    try {
      const res = await app.inject({ url: '/healthz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'error', database: 'unreachable', engine: 'sqlite', bus: 'local' });
    } finally {
      await app.close();
      await storage.close();
    }
  });

  it('is 503 while the bus between instances is reconnecting', async () => {
    const app = await buildTestApp();
    try {
      app.services.bus.state = () => 'reconnecting';
      const res = await app.inject({ url: '/healthz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'error', database: 'ok', engine: 'sqlite', bus: 'reconnecting' });
    } finally {
      await app.close();
    }
  });
});
