import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentText, renderComment, sanitizeCommentHtml, sanitizeWithParser } from './markdown.ts';

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

describe('sanitizeCommentHtml: the fast path for HTML that is already safe', () => {
  const pieces = [
    '<p>',
    '</p>',
    '<strong>',
    '</strong>',
    '<em>',
    '</em>',
    '<blockquote>',
    '</blockquote>',
    '<br>',
    '<br/>',
    '<br />',
    '<a href="https://example.org/x?y=1">',
    '<a href="http://e.org">',
    '<a href="javascript:alert(1)">',
    '<a href="/relative">',
    '<a href="https:///x">',
    "<a href='https://e.org'>",
    '<a>',
    '</a>',
    '<A HREF="https://e.org">',
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    'plain words ',
    'it\'s "quoted" ',
    ' & ',
    '&amp;',
    '&#39;',
    '>',
    '<',
    'é — “x” ',
    '\n',
    '\t',
    '\r',
    '\u0000',
    '<p class="x">',
    '<!-- c -->',
  ];
  it('agrees with the sanitiser on every mix of safe and hostile pieces', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 20_000; n++) {
      let html = '';
      const len = 1 + (next() % 8);
      for (let k = 0; k < len; k++) html += pieces[next() % pieces.length];
      assert.equal(sanitizeCommentHtml(html), sanitizeWithParser(html), JSON.stringify(html));
    }
  });

  it('agrees on typical imported comments', () => {
    for (const html of [
      '<p>Comment 5: The negotiators should publish the figures.</p><p>Second with a <a href="https://example.org/5">link</a>.</p>',
      '<blockquote><p>quoted</p></blockquote><p>reply<br>line two</p>',
      '<p><strong>bold <em>both</em></strong></p>',
      '  <p>padded</p>  ',
    ])
      assert.equal(sanitizeCommentHtml(html), sanitizeWithParser(html));
  });
});
