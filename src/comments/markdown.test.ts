import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentText, renderComment, sanitizeCommentHtml } from './markdown.ts';

describe('comment markdown', () => {
  it('renders the subset: bold, italic, quotes, links, line breaks', () => {
    assert.equal(renderComment('I **really** think *so*.'), '<p>I <strong>really</strong> think <em>so</em>.</p>');
    assert.equal(
      renderComment('> The minister said it.\n\nI disagree.'),
      '<blockquote>\n<p>The minister said it.</p>\n</blockquote>\n<p>I disagree.</p>',
    );
    assert.equal(renderComment('line one\nline two'), '<p>line one<br />\nline two</p>');
    assert.equal(
      renderComment('See [the report](https://example.org/r).'),
      '<p>See <a href="https://example.org/r" rel="nofollow ugc noopener">the report</a>.</p>',
    );
    assert.equal(
      renderComment('See https://example.org/x'),
      '<p>See <a href="https://example.org/x" rel="nofollow ugc noopener">https://example.org/x</a></p>',
    );
  });

  it('leaves headings, lists, images and code as plain text', () => {
    assert.equal(renderComment('# Shouting'), '<p># Shouting</p>');
    // no images: the picture becomes a plain link
    assert.equal(
      renderComment('![x](https://example.org/i.png)'),
      '<p>!<a href="https://example.org/i.png" rel="nofollow ugc noopener">x</a></p>',
    );
    assert.equal(renderComment('- a'), '<p>- a</p>');
  });

  it('never lets markup or script through', () => {
    for (const hostile of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '<a href="https://x" onclick="alert(1)">x</a>',
      '"><svg onload=alert(1)>',
      '[x](//evil.example)',
    ]) {
      const out = renderComment(hostile);
      // every real tag is on the allow-list, with only href and rel, and every link is http(s)
      for (const [, tag, attrs] of out.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        assert.ok(['p', 'br', 'strong', 'em', 'blockquote', 'a'].includes(tag!.toLowerCase()), `${hostile}: <${tag}>`);
        for (const [, name] of attrs!.matchAll(/([a-z-]+)=/gi))
          assert.ok(['href', 'rel'].includes(name!.toLowerCase()), `${hostile}: ${name}`);
        const href = /href="([^"]*)"/.exec(attrs!)?.[1];
        if (href !== undefined) assert.match(href, /^https?:\/\/[^/]/, hostile);
      }
    }
  });

  it('keeps only absolute web and mail links; others become text', () => {
    assert.equal(renderComment('[home](/etc/passwd)'), '<p>home</p>');
    assert.equal(
      sanitizeCommentHtml('<a href="#x">click</a> <a href="mailto:a@b.example">mail</a>'),
      'click <a href="mailto:a@b.example" rel="nofollow ugc noopener">mail</a>',
    );
  });

  it('sanitises foreign HTML to the same allow-list', () => {
    assert.equal(
      sanitizeCommentHtml(
        '<p onclick="x">Hi <b>there</b> <script>x()</script><a href="https://a.example" target="_blank">a</a></p>',
      ),
      '<p>Hi there <a href="https://a.example" rel="nofollow ugc noopener">a</a></p>',
    );
  });

  it('gives the plain text for checks', () => {
    assert.equal(
      commentText('> quoted\n\nI **agree** & <you> [too](https://x.example).'),
      'quoted I agree & <you> too.',
    );
  });
});
