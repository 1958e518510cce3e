// Live coverage on every page: the site-wide LIVE banner follows the editors
// (new entry headlines, new or ended coverage), and a live blog's new entries
// appear at the top, or wait behind a "new updates" button while the reader is
// scrolled down in the story, so that nothing moves under their eyes.
// One view of an article, for Top News Today (a beacon: it never delays the page).
const article = document.querySelector('article[data-article-id]')?.dataset.articleId;
if (article && navigator.sendBeacon) navigator.sendBeacon('/api/views', new Blob([article], { type: 'text/plain' }));

const list = document.querySelector('.live-entries[data-live]');
const blog = list?.dataset.blog;
const bar = document.querySelector('.live-new');
const button = bar?.querySelector('button');
const held = [];

function showHeld() {
  for (const h of held.splice(0)) list.insertAdjacentHTML('afterbegin', h);
  if (bar) bar.hidden = true;
}

function readingBelow() {
  return list && list.getBoundingClientRect().top < 0;
}

button?.addEventListener('click', () => {
  showHeld();
  list.scrollIntoView({ block: 'start' });
});

if (typeof EventSource === 'function') {
  const source = new EventSource(`/api/live/events${blog ? `?blog=${encodeURIComponent(blog)}` : ''}`);
  source.addEventListener('banner', (e) => {
    const { html } = JSON.parse(e.data);
    const current = document.querySelector('.live-banner');
    if (current) {
      if (html) current.outerHTML = html;
      else current.remove();
    } else if (html) document.querySelector('.skip-link')?.insertAdjacentHTML('afterend', html);
  });
  source.addEventListener('entry', (e) => {
    if (!list) return;
    const { id, html } = JSON.parse(e.data);
    const existing = document.getElementById(`entry-${id}`);
    if (existing) {
      existing.outerHTML = html;
      return;
    }
    if (readingBelow()) {
      held.unshift(html);
      button.textContent = `${held.length} new update${held.length === 1 ? '' : 's'}`;
      bar.hidden = false;
    } else list.insertAdjacentHTML('afterbegin', html);
  });
  source.addEventListener('entry-removed', (e) => {
    document.getElementById(`entry-${JSON.parse(e.data).id}`)?.remove();
  });
}
