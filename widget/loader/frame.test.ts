import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frameAddress, type HostPage, permalinkIn, readFrameMessage } from './frame.ts';

const PARLEY = 'https://comments.paper.example';
const page: HostPage = {
  href: 'https://blog.example/p/7?utm=x#top',
  search: '?utm=x',
  hash: '#top',
  origin: 'https://blog.example',
  lang: 'hi-IN',
  title: 'Seven things',
  prefersDark: false,
};
const query = (address: string) => Object.fromEntries(new URL(address).searchParams);

describe("the loader's frame", () => {
  it("points at Parley's frame with the page's address, origin, language, theme and title", () => {
    const address = frameAddress(PARLEY, {}, page);
    assert.ok(address.startsWith(`${PARLEY}/embed/frame?`));
    assert.deepEqual(query(address), {
      url: 'https://blog.example/p/7?utm=x',
      origin: 'https://blog.example',
      lang: 'hi-IN',
      theme: 'light',
      title: 'Seven things',
    });
  });

  it("lets the element's data-parley-* settings win over the page", () => {
    const address = frameAddress(
      PARLEY,
      {
        parleyUrl: 'https://blog.example/canonical/7',
        parleyStory: 'post-7',
        parleyTitle: 'Seven',
        parleyLang: 'en-GB',
        parleyTheme: 'dark',
      },
      page,
    );
    assert.deepEqual(query(address), {
      url: 'https://blog.example/canonical/7',
      origin: 'https://blog.example',
      lang: 'en-GB',
      theme: 'dark',
      storyId: 'post-7',
      title: 'Seven',
    });
  });

  it("follows the reader's dark theme, and speaks English on a page without a language or title", () => {
    const q = query(frameAddress(PARLEY, {}, { ...page, lang: '', title: '', prefersDark: true }));
    assert.equal(q.theme, 'dark');
    assert.equal(q.lang, 'en');
    assert.equal(q.title, undefined);
  });

  it('passes on a permalink to a comment, from the query or the fragment', () => {
    assert.equal(query(frameAddress(PARLEY, {}, { ...page, search: '?comment=abc123' })).comment, 'abc123');
    assert.equal(permalinkIn('?utm=x#comment-Zy9'), 'Zy9');
    assert.equal(permalinkIn('?a=1&comment=k2'), 'k2');
    assert.equal(permalinkIn('?nocomment=k2'), undefined);
    assert.equal(permalinkIn('#comments'), undefined);
    assert.equal(permalinkIn(''), undefined);
  });

  it("reads the frame's height and its readiness, and nothing else", () => {
    assert.deepEqual(readFrameMessage({ type: 'parley:height', height: 512 }), { type: 'height', height: 512 });
    assert.deepEqual(readFrameMessage({ type: 'parley:ready' }), { type: 'ready' });
    assert.equal(readFrameMessage({ type: 'parley:height', height: '512' }), null);
    assert.equal(readFrameMessage({ type: 'parley:sso-token', token: 't' }), null);
    assert.equal(readFrameMessage(null), null);
    assert.equal(readFrameMessage('parley:ready'), null);
  });
});
