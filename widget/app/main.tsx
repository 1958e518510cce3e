import { render } from 'preact';
import { App } from './components/App.tsx';
import { findStory, getConfig } from './endpoints.ts';
import { setLanguage } from './i18n.ts';
import { frameSetup, pageOptions } from './options.ts';
import { css } from './styles.ts';
import type { Options } from './types.ts';

// The widget's entry: finds where it runs (the iframe, or Parley's own
// article page), loads the site's settings and the story, and mounts the app.
// The app's parts: components/ (the views, App.tsx at the top), hooks/ (state
// and effects), thread/ (the comments' state as a pure reducer), live.ts (the
// one live connection), endpoints.ts (every API call), view.ts (what the views
// decide), i18n.ts and time.ts. Logic lives in .ts files, tested with node:test.

async function start(mount: HTMLElement, opts: Options, pageUrl: string) {
  const config = await getConfig();
  const story = await findStory(opts);
  if (!document.getElementById('parley-style')) {
    const style = document.createElement('style');
    style.id = 'parley-style';
    style.textContent = css;
    document.head.appendChild(style);
  }
  render(<App opts={opts} config={config} story={story} pageUrl={pageUrl} />, mount);
  if (opts.frame && opts.parentOrigin) {
    const origin = opts.parentOrigin;
    let last = 0;
    // The content's own height: the document's is never less than the frame's.
    new ResizeObserver(() => {
      const h = Math.ceil(mount.getBoundingClientRect().bottom + 8);
      if (h === last) return;
      last = h;
      parent.postMessage({ type: 'parley:height', height: h }, origin);
    }).observe(mount);
  }
}

// In Parley's own page: take over the server-rendered comments.
const own = document.querySelector<HTMLElement>('section.comments[data-parley-story]');
const frameRoot = document.getElementById('parley-frame');
if (frameRoot) {
  const setup = frameSetup(location.search);
  if (setup.dark) document.documentElement.classList.add('p-dark');
  document.documentElement.lang = setup.lang;
  setLanguage(setup.lang);
  void start(frameRoot, setup.options, setup.pageUrl);
} else if (own) {
  setLanguage(document.documentElement.lang || 'en');
  const mount = document.createElement('div');
  mount.className = 'p-mount';
  own.querySelector('[data-comment-thread]')?.replaceWith(mount);
  own.querySelector('.comment-form')?.remove();
  own.querySelector('.comment-actions')?.remove();
  void start(mount, pageOptions(own.dataset.parleyStory!, location.search), location.href);
}
