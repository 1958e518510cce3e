// Parley's embed loader: one script tag and one element per story,
//   <div data-parley-story="story-42" data-parley-url="https://…" data-parley-title="…"></div>
//   <script async src="https://comments.paper.example/embed/loader.js"></script>
// It puts the comments app in an iframe when the element nears the screen,
// keeps the frame as tall as its content, and passes the publisher's sign-on
// token (data-parley-sso-token, or window.parleySsoToken(): a token or a promise of one).
import { frameAddress, readFrameMessage } from './frame.ts';

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = new URL(script?.src ?? location.href).origin;
  const frames = new Map<Window, { frame: HTMLIFrameElement; el: HTMLElement }>();

  addEventListener('message', async (e: MessageEvent) => {
    if (e.origin !== origin) return;
    const entry = [...frames].find(([w]) => w === e.source)?.[1];
    if (!entry) return;
    const message = readFrameMessage(e.data);
    if (message?.type === 'height') entry.frame.style.height = `${message.height}px`;
    if (message?.type === 'ready') {
      const w = window as unknown as { parleySsoToken?: () => string | Promise<string> };
      const token =
        entry.el.dataset.parleySsoToken || (typeof w.parleySsoToken === 'function' ? await w.parleySsoToken() : '');
      if (token) (e.source as Window).postMessage({ type: 'parley:sso-token', token }, origin);
    }
  });

  function mount(el: HTMLElement) {
    if (el.dataset.parleyMounted) return;
    el.dataset.parleyMounted = '1';
    const frame = document.createElement('iframe');
    frame.src = frameAddress(origin, el.dataset, {
      href: location.href,
      search: location.search,
      hash: location.hash,
      origin: location.origin,
      lang: document.documentElement.lang,
      title: document.title,
      prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
    });
    frame.title = 'Comments';
    frame.loading = 'lazy';
    frame.style.cssText = 'width:100%;height:420px;border:0;display:block;color-scheme:normal';
    el.appendChild(frame);
    if (frame.contentWindow) frames.set(frame.contentWindow, { frame, el });
  }

  const all = document.querySelectorAll<HTMLElement>('[data-parley-story],[data-parley-url]');
  const io =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (es) => {
            for (const x of es) {
              if (!x.isIntersecting) continue;
              io!.unobserve(x.target);
              mount(x.target as HTMLElement);
            }
          },
          { rootMargin: '800px' },
        )
      : null;
  for (const el of all) {
    if (io) io.observe(el);
    else mount(el);
  }
})();
