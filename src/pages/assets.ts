import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Static assets are read once at start and served under a name that carries
// their hash, so browsers and proxies may keep them forever.
function asset(file: string, type: string) {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [name, ext] = file.split('.');
  return { path: `/assets/${name}.${hash}.${ext}`, body, type };
}

export const siteCss = asset('site.css', 'text/css; charset=utf-8');
/** The moderators' workspace: keyboard, live updates and its own styles. */
export const moderateJs = asset('moderate.js', 'text/javascript; charset=utf-8');
export const moderateCss = asset('moderate.css', 'text/css; charset=utf-8');
/** Live coverage on every page: the banner, and a live blog's entries. */
export const liveJs = asset('live.js', 'text/javascript; charset=utf-8');
/** The back office's plain frame. */
export const backofficeCss = asset('backoffice.css', 'text/css; charset=utf-8');
export const assets = [siteCss, moderateJs, moderateCss, liveJs, backofficeCss];
