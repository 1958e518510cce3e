import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Readers write a small markdown: **bold**, *italic*, > quotes, links and line
// breaks. Raw HTML is off in the parser, and whatever comes out passes through
// an allow-list sanitiser as well: two fences, because comments are hostile.

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['paragraph', 'blockquote', 'newline', 'escape', 'emphasis', 'link', 'autolink', 'linkify', 'text']);

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Only absolute web and mail links: anything else (relative paths,
    // fragments, odd schemes) becomes plain text, its words kept.
    a: (tagName, attribs) => {
      const keep = /^(https?:\/\/[^/\s]|mailto:)/i.test(attribs.href ?? '');
      const out: Record<string, string> = keep ? { href: attribs.href!, rel: 'nofollow ugc noopener' } : {};
      return { tagName, attribs: out };
    },
  },
};

// Links whose address was refused above are left without one: unwrap them to
// their words. This reads only our own sanitised output, where anchors cannot nest.
const unwrapDeadLinks = (safe: string) => safe.replace(/<a>([\s\S]*?)<\/a>/g, '$1');

export function renderComment(source: string): string {
  return unwrapDeadLinks(sanitizeHtml(md.render(source), sanitizeOptions)).trim();
}

/** Sanitising only: for HTML that arrives from elsewhere (imports) and is never trusted. */
export function sanitizeCommentHtml(dirty: string): string {
  return unwrapDeadLinks(sanitizeHtml(dirty, sanitizeOptions)).trim();
}

/** What the comment says, without markup: for the moderation checks and for previews. */
export function commentText(source: string): string {
  return htmlToText(renderComment(source));
}

/** The text of already-sanitised comment HTML (no second parse). */
export function htmlToText(safeHtml: string): string {
  return safeHtml
    .replace(/<br \/>|<\/p>|<\/blockquote>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
