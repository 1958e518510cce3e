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

/** What keeping a sign-in needs from the API, apart from the DOM. */
export interface KeepSignInIo {
  setToken(token: string): void;
  /** POST /api/auth/embed-session with the bearer token: whether Parley set a partitioned session cookie */
  embedSession(): Promise<{ partitioned: boolean }>;
  /** GET /api/auth/session without a token: whether the cookie signs the reader in */
  signedInByCookie(): Promise<boolean>;
}

/**
 * A sign-in inside another site's page (from the login popup or the
 * publisher's sign-on) must outlive a reload of that page, where third-party
 * cookies and storage are blocked: Parley gives the frame a session in a
 * partitioned cookie (CHIPS) that the browser keeps for that site alone. If
 * it cannot (plain HTTP) or the browser refused the cookie, the widget keeps
 * the short-lived bearer token (in its own sessionStorage where it may).
 */
export async function keepSignIn(token: string, io: KeepSignInIo): Promise<'cookie' | 'token'> {
  io.setToken(token);
  try {
    if ((await io.embedSession()).partitioned) {
      io.setToken('');
      if (await io.signedInByCookie()) return 'cookie';
    }
  } catch {
    // the token still works: keep it
  }
  io.setToken(token);
  return 'token';
}
