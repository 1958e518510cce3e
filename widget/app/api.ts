// The widget's only door to Parley: same-origin fetches with the CSRF token
// (cookie sessions) or a bearer token (inside another site's page, where
// third-party cookies are blocked).

export interface ApiError extends Error {
  code: string;
  status: number;
  details?: unknown;
}

const auth = { token: '' as string, csrf: '' as string };

try {
  auth.token = sessionStorage.getItem('parley:token') ?? '';
} catch {
  // storage may be blocked in a third-party frame; memory will do
}

export function setToken(token: string): void {
  auth.token = token;
  try {
    if (token) sessionStorage.setItem('parley:token', token);
    else sessionStorage.removeItem('parley:token');
  } catch {
    // see above
  }
}

export function setCsrf(csrf: string): void {
  auth.csrf = csrf;
}

export function hasToken(): boolean {
  return Boolean(auth.token);
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (auth.token) h.authorization = `Bearer ${auth.token}`;
  else if (method !== 'GET') h['x-csrf-token'] = auth.csrf;
  const res = await fetch(path, {
    method,
    headers: h,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const e = new Error(data?.error?.message ?? `HTTP ${res.status}`) as ApiError;
    e.code = data?.error?.code ?? 'HTTP';
    e.status = res.status;
    e.details = data?.error?.details;
    throw e;
  }
  return data as T;
}
