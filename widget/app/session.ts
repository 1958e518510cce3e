// Signing in from the widget, without the DOM: where the login page is, and
// which window messages carry a token.
import type { Options } from './types.ts';

/**
 * The login page's address. In Parley's own page the reader comes back to the
 * comments; in another site's page a popup on Parley's origin ends on a page
 * that hands the token back (third-party cookies are blocked there).
 */
export function loginAddress(loginUrl: string, frame: boolean, here: string): string {
  return `${loginUrl}?return=${encodeURIComponent(frame ? '/account/popup-done' : `${here}#comments`)}`;
}

export type AuthMessage = { kind: 'signed-in' | 'sso'; token: string };

/**
 * A token sent to the widget: from Parley's login popup (same origin), or the
 * publisher's sign-on token from the embedding page (only in a frame, only
 * from the origin the frame was made for). Anything else is not for us.
 */
export function readAuthMessage(
  e: { origin: string; data: unknown },
  ownOrigin: string,
  opts: Pick<Options, 'frame' | 'parentOrigin'>,
): AuthMessage | null {
  const data = e.data as { type?: unknown; token?: unknown } | null | undefined;
  const token = typeof data?.token === 'string' ? data.token : '';
  if (!token) return null;
  if (e.origin === ownOrigin && data?.type === 'parley:signed-in') return { kind: 'signed-in', token };
  if (opts.frame && e.origin === opts.parentOrigin && data?.type === 'parley:sso-token') return { kind: 'sso', token };
  return null;
}
