import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, TEST_NOW } from '../http/testing.ts';
import { accountMaintenance, type Job, parleyJobs, startJobs } from './jobs.ts';

// The timers are Node's mocked ones: the test moves the clock, no waiting.

describe('the job runner', () => {
  before(() => mock.timers.enable({ apis: ['setInterval'] }));
  after(() => mock.timers.reset());

  function counting(name: string, everyMs: number, atStart = false) {
    const job = { name, everyMs, atStart, runs: 0, run: async () => void job.runs++ };
    return job;
  }

  it('runs each job on its own period, the start-up ones at once, and stops cleanly', () => {
    const fast = counting('fast', 1_000);
    const slow = counting('slow', 5_000, true);
    const stop = startJobs([fast, slow], () => assert.fail('no job fails'));
    assert.deepEqual([fast.runs, slow.runs], [0, 1]);
    mock.timers.tick(5_000);
    assert.deepEqual([fast.runs, slow.runs], [5, 2]);
    stop();
    mock.timers.tick(60_000);
    assert.deepEqual([fast.runs, slow.runs], [5, 2]);
  });

  it("reports a job's failure with its name and keeps it on its timer", async () => {
    const failures: string[] = [];
    let runs = 0;
    const failing: Job = {
      name: 'failing',
      everyMs: 1_000,
      run: async () => {
        runs++;
        throw new Error('no luck');
      },
    };
    const stop = startJobs([failing], (err, job) => failures.push(`${job}: ${(err as Error).message}`));
    mock.timers.tick(2_000);
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    assert.equal(runs, 2);
    assert.deepEqual(failures, ['failing: no luck', 'failing: no luck']);
  });
});

describe("Parley's jobs", () => {
  let app: App;
  let clock = TEST_NOW;
  before(async () => {
    app = await buildTestApp({ now: () => clock });
  });
  after(() => app.close());

  it('are the five kinds of background work, scheduled publishing and webhooks also at start', () => {
    const jobs = parleyJobs(app.services);
    assert.deepEqual(
      jobs.map((j) => [j.name, j.everyMs, Boolean(j.atStart)]),
      [
        ['account maintenance', 3_600_000, false],
        ['digests', 300_000, false],
        ['scheduled publishing', 15_000, true],
        ['page views', 5_000, false],
        ['webhooks', 5_000, true],
      ],
    );
  });

  it('account maintenance deletes accounts past their grace period and expired sessions, once', async () => {
    const { usersRepository: users, sessionsRepository: sessions } = app.services;
    const days = (n: number) => new Date(TEST_NOW.getTime() - n * 86_400_000).toISOString();
    const due = await createTestUser(app, { email: 'due@x.example' });
    const waiting = await createTestUser(app, { email: 'waiting@x.example' });
    const staying = await createTestUser(app, { email: 'staying@x.example' });
    await users.update(due, { deletionRequestedAt: days(15), deletionMode: 'delete' });
    await users.update(waiting, { deletionRequestedAt: days(1), deletionMode: 'anonymise' });
    for (const [idHash, expiresAt] of [
      ['expired', days(1)],
      ['live', days(-1)],
    ] as const)
      await sessions.insert({
        idHash,
        publicId: idHash,
        siteId: 'demo',
        userId: staying,
        createdAt: days(30),
        lastSeenAt: days(2),
        expiresAt,
        userAgent: 'test',
        ip: '127.0.0.1',
      });

    assert.deepEqual(await accountMaintenance(app.services), { deletedAccounts: 1, expiredSessions: 1 });
    assert.equal(await users.get(due), undefined);
    assert.ok(await users.get(waiting));
    assert.deepEqual(
      (await sessions.listForUser(staying)).map((s) => s.idHash),
      ['live'],
    );
    // Safe to run twice: nothing left to do.
    assert.deepEqual(await accountMaintenance(app.services), { deletedAccounts: 0, expiredSessions: 0 });

    // Two weeks later the other reader's grace period is over too.
    clock = new Date(TEST_NOW.getTime() + 14 * 86_400_000);
    assert.equal((await accountMaintenance(app.services)).deletedAccounts, 1);
    assert.equal(await users.get(waiting), undefined);
  });
});
