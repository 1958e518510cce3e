// The Content-Security-Policy of every HTML answer. Parley's pages run no
// inline script: every script is a file of this origin (script-src 'self'),
// so text that ever slipped through escaping could not run. JSON-LD blocks are
// data, not script. Inline styles stay allowed (style attributes in the
// templates; styles cannot run code). The one page with an inline script (the
// sign-in popup's message to its opener) sets its own policy with a nonce.

const BASE = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self'",
  // article bodies may embed YouTube videos (src/articles/body.ts)
  "frame-src 'self' https://www.youtube-nocookie.com",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** Pages of the site: framed by the site itself only (clickjacking of the login and settings forms). */
export const PAGE_CSP = [...BASE, "frame-ancestors 'self'"].join('; ');

/** The comment widget's frame: embedded by the site and the origins its administrator allowed. */
export function embedCsp(allowedOrigins: string[]): string {
  const origins = allowedOrigins
    .map((o) => {
      try {
        const u = new URL(o);
        return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
      } catch {
        return undefined;
      }
    })
    .filter((o): o is string => o !== undefined);
  return [...BASE, `frame-ancestors 'self' ${[...new Set(origins)].join(' ')}`.trim()].join('; ');
}
