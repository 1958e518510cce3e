import { useEffect, useRef, useState } from 'preact/hooks';
import { hasToken, setCsrf, setToken } from '../api.ts';
import { getSession, signOnWith, startEmbedSession } from '../endpoints.ts';
import { keepSignIn, loginAddress, readAuthMessage } from '../session.ts';
import type { Options, User } from '../types.ts';

/**
 * Who reads: the session on load, then a login popup's token or the
 * publisher's sign-on token when one arrives by message. `onSignedIn` runs
 * after either; `onError` gets a sign-on that failed.
 */
export function useSession(
  opts: Options,
  loginUrl: string,
  onSignedIn: () => void,
  onError: (message: string) => void,
): { user: User | null; login: () => void } {
  const [user, setUser] = useState<User | null>(null);
  const callbacks = useRef({ onSignedIn, onError });
  callbacks.current = { onSignedIn, onError };

  const refresh = async () => {
    const s = await getSession();
    setCsrf(s.csrfToken);
    setUser(s.user);
    // a bearer token the server no longer knows
    if (!s.user && hasToken()) setToken('');
  };

  /** A new sign-in: in another site's page it is moved to a partitioned cookie that outlives reloads. */
  const signedIn = async (token: string) => {
    if (opts.frame)
      await keepSignIn(token, {
        setToken,
        embedSession: startEmbedSession,
        signedInByCookie: async () => Boolean((await getSession()).user),
      });
    else setToken(token);
    await refresh();
    callbacks.current.onSignedIn();
  };

  // once, when the app starts
  useEffect(() => {
    void refresh().catch(() => {});
    const onMessage = async (e: MessageEvent) => {
      const message = readAuthMessage(e, location.origin, opts);
      if (message?.kind === 'signed-in') {
        await signedIn(message.token);
      } else if (message?.kind === 'sso') {
        try {
          await signedIn(await signOnWith(message.token));
        } catch (err) {
          callbacks.current.onError((err as Error).message);
        }
      }
    };
    addEventListener('message', onMessage);
    // the loader answers with the publisher's sign-on token, if the page has one
    if (opts.frame && opts.parentOrigin) parent.postMessage({ type: 'parley:ready' }, opts.parentOrigin);
    return () => removeEventListener('message', onMessage);
  }, []);

  const login = () => {
    const address = loginAddress(loginUrl, opts.frame, location.pathname + location.search);
    if (opts.frame) window.open(address, 'parley-login', 'width=480,height=640');
    else location.href = address;
  };

  return { user, login };
}
