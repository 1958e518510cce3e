// Fills comment counts into lists: <a data-parley-count="article:ID">…</a>
// (or "ext:<story id>", or "url:<page address>"). One request for the page.
(() => {
  const s = document.currentScript as HTMLScriptElement | null;
  const els = document.querySelectorAll<HTMLElement>('[data-parley-count]');
  const keys = [...new Set([...els].map((e) => e.dataset.parleyCount!))];
  if (!keys.length) return;
  fetch(`${new URL(s?.src ?? location.href).origin}/api/counts?keys=${encodeURIComponent(keys.join(','))}`)
    .then((r) => r.json())
    .then((d: { counts: Record<string, number> }) =>
      els.forEach((e) => {
        const n = d.counts[e.dataset.parleyCount!] ?? 0;
        e.textContent = n === 1 ? '1 comment' : `${n} comments`;
      }),
    )
    .catch(() => {});
})();
