import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/config.ts';
import { createServices } from '../core/services.ts';
import { buildApp } from '../http/app.ts';
import { agent, buildTestApp, createTestUser, testPasswords } from '../http/testing.ts';
import { openStorage } from '../storage/database.ts';
import { enginesUnderTest, testDatabaseUrl } from '../storage/testing.ts';
import type { ParleyEvent } from './bus.ts';

const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;

describe('several app instances on one PostgreSQL database', { skip: pgEngine.skip }, () => {
  it("hear each other's events: a comment posted on one reaches readers of the other", async () => {
    const storageA = await pgEngine.open();
    const schema = (
      await storageA.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()
    ).s;
    const channel = `parley_test_${randomBytes(4).toString('hex')}`;
    const a = await buildTestApp({
      storage: storageA,
      env: { LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl, PARLEY_COMMENTS_PER_MINUTE: '100' },
      busChannel: channel,
    });
    const storageB = await openStorage({ databaseUrl: testDatabaseUrl, pgSchema: schema });
    const b = await buildApp(
      await createServices(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl }), {
        storage: storageB,
        passwords: testPasswords,
        busChannel: channel,
        busConnectionString: testDatabaseUrl,
      }),
    );
    try {
      const heard: ParleyEvent[] = [];
      b.services.bus.subscribe((e) => heard.push(e));
      await a.inject({ url: '/world/island-nations-agree-to-reopen-fisheries-talks' });
      const article = await a.services.articlesRepository.getPublishedBySlug(
        'demo',
        'island-nations-agree-to-reopen-fisheries-talks',
      );
      const story = (await a.services.storiesRepository.getByKey('demo', `article:${article!.id}`))!;
      // B has the thread cached before the comment exists
      assert.equal((await b.inject({ url: `/api/stories/${story.id}/comments` })).json().comments.length, 0);
      await createTestUser(a, { email: 'multi@example.org', name: 'Multi' });
      const reader = agent(a);
      await reader.login('multi@example.org');
      const csrf = (await reader.api('GET', '/api/auth/session')).json().csrfToken;
      const posted = await reader.api(
        'POST',
        `/api/stories/${story.id}/comments`,
        { body: 'Posted on instance A, read on instance B.' },
        { 'x-csrf-token': csrf },
      );
      assert.equal(posted.status, 201);
      for (let i = 0; i < 50 && !heard.some((e) => e.type === 'comment.changed'); i++)
        await new Promise((r) => setTimeout(r, 20));
      const event = heard.find((e) => e.type === 'comment.changed');
      assert.ok(event && event.type === 'comment.changed');
      assert.equal(event.commentId, posted.json().comment.id);
      assert.equal((event.comment as { html: string }).html, '<p>Posted on instance A, read on instance B.</p>');
      // and B dropped its cached copy of the thread
      assert.equal((await b.inject({ url: `/api/stories/${story.id}/comments` })).json().comments.length, 1);
    } finally {
      await b.close();
      await storageB.close().catch(() => {});
      await a.close();
      await storageA.close();
    }
  });
});
