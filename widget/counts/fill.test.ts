import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CountElement, countLabel, fillCounts } from './fill.ts';

const link = (key: string): CountElement => ({ dataset: { parleyCount: key }, textContent: 'Comments' });

function server(answer: () => Promise<unknown>) {
  const asked: string[] = [];
  const get = async (url: string) => {
    asked.push(url);
    return { json: answer };
  };
  return { asked, get };
}

describe('the counts script', () => {
  it('asks once for all the keys on the page, each key once', async () => {
    const els = [link('article:1'), link('ext:post 7'), link('article:1'), link('url:https://blog.example/p?a=1')];
    const { asked, get } = server(async () => ({ counts: { 'article:1': 3, 'ext:post 7': 1 } }));
    await fillCounts(els, 'https://news.test', get);
    assert.deepEqual(asked, [
      `https://news.test/api/counts?keys=${encodeURIComponent('article:1,ext:post 7,url:https://blog.example/p?a=1')}`,
    ]);
    assert.deepEqual(
      els.map((e) => e.textContent),
      ['3 comments', '1 comment', '3 comments', '0 comments'],
    );
  });

  it('asks nothing of a page without counts', async () => {
    const { asked, get } = server(async () => ({ counts: {} }));
    await fillCounts([], 'https://news.test', get);
    assert.deepEqual(asked, []);
  });

  it('leaves the links as they are when the counts cannot be had', async () => {
    for (const answer of [async () => Promise.reject(new Error('offline')), async () => ({ error: 'nope' })]) {
      const els = [link('article:1')];
      await fillCounts(els, 'https://news.test', server(answer).get);
      assert.equal(els[0]!.textContent, 'Comments');
    }
  });

  it('says one comment or many', () => {
    assert.equal(countLabel(0), '0 comments');
    assert.equal(countLabel(1), '1 comment');
    assert.equal(countLabel(12), '12 comments');
  });
});
