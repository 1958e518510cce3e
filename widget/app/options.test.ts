import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frameSetup, pageOptions } from './options.ts';

describe("the app's options", () => {
  it("reads the frame's query as the loader writes it", () => {
    const q = new URLSearchParams({
      url: 'https://blog.example/p/7',
      origin: 'https://blog.example',
      lang: 'hi-IN',
      theme: 'dark',
      storyId: 'post-7',
      title: 'Seven',
      comment: 'c42',
    });
    assert.deepEqual(frameSetup(`?${q}`), {
      options: {
        frame: true,
        externalId: 'post-7',
        url: 'https://blog.example/p/7',
        title: 'Seven',
        permalink: 'c42',
        parentOrigin: 'https://blog.example',
      },
      pageUrl: 'https://blog.example/p/7',
      lang: 'hi-IN',
      dark: true,
    });
  });

  it('leaves out what the query does not give, and speaks English by default', () => {
    assert.deepEqual(frameSetup('?url=https%3A%2F%2Fblog.example%2Fp&storyId=&title=&lang='), {
      options: { frame: true, url: 'https://blog.example/p' },
      pageUrl: 'https://blog.example/p',
      lang: 'en',
      dark: false,
    });
    assert.deepEqual(frameSetup('').options, { frame: true, url: '' });
    assert.equal(frameSetup('?theme=light').dark, false);
  });

  it("reads Parley's own page: the story from the page, a permalink from ?comment=", () => {
    assert.deepEqual(pageOptions('st-1', '?comment=c9&utm=x'), { frame: false, storyId: 'st-1', permalink: 'c9' });
    assert.deepEqual(pageOptions('st-1', ''), { frame: false, storyId: 'st-1' });
    assert.deepEqual(pageOptions('st-1', '?comment='), { frame: false, storyId: 'st-1' });
  });
});
