import { html, type SafeHtml } from '../shared/html.ts';

// An article body is a list of blocks, stored as JSON. Inline text is a tiny
// markup: **bold**, *italic* and [label](https://link). Everything else is text,
// escaped on output, so a body can never carry markup of its own.
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string; cite?: string };

export function parseBody(json: string): Block[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(isBlock);
}

function isBlock(value: unknown): value is Block {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') && typeof b.text === 'string';
}

const inlinePattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function safeHref(href: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

export function renderInline(text: string): SafeHtml {
  const parts: (SafeHtml | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(inlinePattern)) {
    parts.push(text.slice(last, m.index));
    if (m[1] !== undefined) parts.push(html`<strong>${m[1]}</strong>`);
    else if (m[2] !== undefined) parts.push(html`<em>${m[2]}</em>`);
    else {
      const href = safeHref(m[4] ?? '');
      parts.push(href ? html`<a href="${href}">${m[3]}</a>` : (m[3] ?? ''));
    }
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

/** Plain text of inline markup, for descriptions, feeds and JSON-LD. */
export function inlineToText(text: string): string {
  return text.replace(inlinePattern, (_m, b, i, label) => b ?? i ?? label ?? '');
}

export function renderBody(blocks: Block[]): SafeHtml {
  return html`${blocks.map((b) => {
    switch (b.type) {
      case 'heading':
        return html`<h2>${renderInline(b.text)}</h2>`;
      case 'quote':
        return html`<blockquote><p>${renderInline(b.text)}</p>${b.cite ? html`<footer>— ${b.cite}</footer>` : ''}</blockquote>`;
      default:
        return html`<p>${renderInline(b.text)}</p>`;
    }
  })}`;
}

export function bodyToText(blocks: Block[]): string {
  return blocks.map((b) => inlineToText(b.text)).join('\n\n');
}
