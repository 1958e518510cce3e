import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unpublish } from '../pages/testing.ts';
import { enginesUnderTest } from '../storage/testing.ts';
import { eventually, twoInstances } from './testing.ts';

// Two instances on one PostgreSQL database and one bus channel, as two
// processes behind a load balancer would run (src/events/testing.ts).

const pgEngine = (await enginesUnderTest()).find((e) => e.name === 'postgres')!;
const ARTICLE = '/world/island-nations-agree-to-reopen-fisheries-talks';

describe('several instances on one PostgreSQL', { skip: pgEngine.skip }, () => {
  let pair: Awaited<ReturnType<typeof twoInstances>>;
  before(async () => {
    pair = await twoInstances();
  });
  after(async () => pair.close());

  it('a story unpublished on one instance is gone from every instance within a second', async () => {
    const { a, b } = pair;
    assert.equal((await b.inject({ url: ARTICLE })).statusCode, 200);
    assert.equal((await b.inject({ url: ARTICLE })).statusCode, 200); // now from B's cache
    await unpublish(a, 'island-nations-agree-to-reopen-fisheries-talks');
    await eventually(async () => (await b.inject({ url: ARTICLE })).statusCode === 404, 1000);
  });
});
