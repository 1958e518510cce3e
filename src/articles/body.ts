import { html, type SafeHtml } from '../shared/html.ts';

// An article body is a list of blocks, stored as JSON. Inline text is a tiny
// markup: **bold**, *italic* and [label](https://link). Everything else is text,
// escaped on output, so a body can never carry markup of its own.
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string; cite?: string }
  /** an uploaded image; `text` is its caption (so text-only uses of a body read it) */
  | { type: 'image'; text: string; image: ImageRef; alt: string; credit?: string }
  /** another site's content: a video player for YouTube, a link card otherwise; `text` is the caption */
  | { type: 'embed'; text: string; url: string };

/** A YouTube video id, for the privacy-enhanced player; other embeds are link cards (no third-party scripts on our pages). */
export function youtubeId(url: string): string | undefined {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\.|^m\./, '');
    const id =
      host === 'youtu.be'
        ? u.pathname.slice(1)
        : host === 'youtube.com'
          ? u.pathname === '/watch'
            ? u.searchParams.get('v')
            : /^\/(?:shorts|embed)\/([^/]+)/.exec(u.pathname)?.[1]
          : undefined;
    return id && /^[A-Za-z0-9_-]{6,20}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Where an uploaded image's sizes are: `${base}/${width}.webp` for each width, and a JPEG at `fallback`. */
export interface ImageRef {
  id: string;
  base: string;
  width: number;
  height: number;
  widths: number[];
  fallback: string;
}

/** An image's files as the image pipeline stored them (see images/images.usecases.ts). */
export function imageRefOf(siteId: string, r: { id: string; width: number; height: number; widths: string }): ImageRef {
  return {
    id: r.id,
    base: `/media/${siteId}/${r.id}`,
    width: r.width,
    height: r.height,
    widths: JSON.parse(r.widths) as number[],
    fallback: `/media/${siteId}/${r.id}/fallback.jpg`,
  };
}

export function parseBody(json: string): Block[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(isBlock);
}

function isBlock(value: unknown): value is Block {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  if (typeof b.text !== 'string') return false;
  if (b.type === 'embed') return typeof b.url === 'string' && /^https?:\/\//.test(b.url);
  if (b.type === 'image') {
    const i = b.image as Record<string, unknown> | undefined;
    return (
      typeof b.alt === 'string' &&
      typeof i === 'object' &&
      i !== null &&
      typeof i.base === 'string' &&
      Array.isArray(i.widths) &&
      typeof i.fallback === 'string'
    );
  }
  return b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote';
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
      case 'embed': {
        const video = youtubeId(b.url);
        const caption = b.text ? html`<figcaption>${renderInline(b.text)}</figcaption>` : '';
        if (video) {
          return html`<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/${video}" title="${b.text || 'Video'}" loading="lazy" allow="encrypted-media; picture-in-picture; fullscreen" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="strict-origin-when-cross-origin" width="560" height="315"></iframe>${caption}</figure>`;
        }
        let label = b.url;
        try {
          const u = new URL(b.url);
          label = `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
        } catch {
          // shown as written
        }
        return html`<figure class="embed embed-link"><a href="${b.url}" rel="noopener nofollow">${label}</a>${caption}</figure>`;
      }
      case 'image': {
        const i = b.image;
        const srcset = i.widths.map((w) => `${i.base}/${w}.webp ${w}w`).join(', ');
        return html`<figure class="article-image"><picture><source type="image/webp" srcset="${srcset}" sizes="(max-width: 720px) 100vw, 720px"><img src="${i.fallback}" alt="${b.alt}" width="${String(i.width)}" height="${String(i.height)}" loading="lazy" decoding="async"></picture>${
          b.text || b.credit
            ? html`<figcaption>${b.text ? renderInline(b.text) : ''}${b.credit ? html` <span class="credit">${b.credit}</span>` : ''}</figcaption>`
            : ''
        }</figure>`;
      }
      default:
        return html`<p>${renderInline(b.text)}</p>`;
    }
  })}`;
}

export function bodyToText(blocks: Block[]): string {
  return blocks.map((b) => inlineToText(b.text)).join('\n\n');
}
