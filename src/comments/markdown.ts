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
  return alreadySafe(dirty) ?? sanitizeWithParser(dirty);
}

/** The sanitiser itself, always: what the fast path below must agree with (its test compares them). */
export function sanitizeWithParser(dirty: string): string {
  return unwrapDeadLinks(sanitizeHtml(dirty, sanitizeOptions)).trim();
}

// Most imported comments are already plain: paragraphs, emphasis, quotes and
// absolute links, properly nested, with no entity or odd character. For those
// (checked token by token) the sanitiser's answer is known without a parse: the
// same HTML with links given their rel and <br> written as <br />. Anything
// else, even one upper-case tag or an &, goes through the sanitiser: the fast
// path only ever accepts, never repairs.
const TOKEN =
  /([^<>&\p{Cc}]|[\t\n])+|<(\/?)(p|strong|em|blockquote|a)>|<br ?\/?>|<a href="(https?:\/\/[^/\s"'<>&\\\p{Cc}][^\s"'<>&\\\p{Cc}]*)">/uy;

function alreadySafe(html: string): string | undefined {
  if (html.length > 100_000) return undefined;
  const open: string[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(html);
    if (!m) return undefined;
    i = TOKEN.lastIndex;
    const [whole, text, closing, tag, href] = m;
    if (text !== undefined) out += whole;
    else if (href !== undefined) {
      if (open.includes('a')) return undefined;
      open.push('a');
      out += `<a href="${href}" rel="nofollow ugc noopener">`;
    } else if (tag === undefined) out += '<br />';
    else if (closing) {
      if (open.pop() !== tag) return undefined;
      out += whole;
    } else {
      // A paragraph or quote inside a paragraph, a link without its address: the parser would repair them.
      if (tag === 'a' || ((tag === 'p' || tag === 'blockquote') && open.includes('p'))) return undefined;
      open.push(tag);
      out += whole;
    }
  }
  return open.length ? undefined : out.trim();
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
