import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineToText, parseBody, renderBody, renderInline } from './body.ts';

describe('article body', () => {
  it('renders paragraphs, headings, quotes and links', () => {
    const out = renderBody([
      { type: 'paragraph', text: 'Talks **resume** on *Monday*, see [the schedule](https://example.org/s).' },
      { type: 'heading', text: 'What comes next' },
      { type: 'quote', text: 'We are ready.', cite: 'A spokesperson' },
    ]).value;
    assert.equal(
      out,
      '<p>Talks <strong>resume</strong> on <em>Monday</em>, see <a href="https://example.org/s">the schedule</a>.</p>' +
        '<h2>What comes next</h2><blockquote><p>We are ready.</p><footer>— A spokesperson</footer></blockquote>',
    );
  });

  it('escapes markup and refuses script links', () => {
    assert.equal(renderInline('<script>alert(1)</script>').value, '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(renderInline('[click](javascript:void)').value, 'click');
    assert.equal(renderInline('[x](//evil.example/p)').value, 'x');
    assert.equal(
      renderInline('[x](https://a.example/"onmouseover=1)').value,
      '<a href="https://a.example/%22onmouseover=1">x</a>',
    );
  });

  it('drops blocks it does not know and gives plain text', () => {
    assert.deepEqual(parseBody('[{"type":"paragraph","text":"a"},{"type":"script","text":"b"},7]'), [
      { type: 'paragraph', text: 'a' },
    ]);
    assert.equal(inlineToText('A **b** [c](https://d.example)'), 'A b c');
  });
});
