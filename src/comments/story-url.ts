// Embeds without a story id are keyed by URL, so the same page must give the
// same key however it was reached: no scheme difference, no "www.", no
// trailing slash, no tracking parameters, no fragment.
const noise = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|ref|ref_src|amp|output|share|s)$/i;

export function normaliseStoryUrl(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams].filter(([k]) => !noise.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '') || '';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return `${host}${port}${path}${query}`;
}
