import { html, type SafeHtml } from '../shared/html.ts';
import { plural } from '../shared/plural.ts';
import type { Dashboard } from './dashboard.ts';

// The dashboard as pictures: SVG bar charts, each with a text description for
// screen readers.

const COLORS = { published: '#2e7d32', pending: '#b26a00', refused: '#b00020', bar: '#1a5fb4' };

/** Stacked columns, one per hour. */
function hoursChart(d: Dashboard['perHour']): SafeHtml {
  const max = Math.max(1, ...d.map((h) => h.published + h.pending + h.refused));
  const w = 24 * 28 + 40;
  const h = 180;
  const scale = (n: number) => (n / max) * (h - 40);
  const total = d.reduce((a, x) => a + x.published + x.pending + x.refused, 0);
  return html`<svg viewBox="0 0 ${String(w)} ${String(h)}" role="img" aria-labelledby="c-hours-t c-hours-d"><title id="c-hours-t">Comments per hour, last 24 hours</title><desc id="c-hours-d">${plural(total, 'comment')}; busiest hour ${d.reduce((a, x) => (x.published + x.pending + x.refused > a.n ? { n: x.published + x.pending + x.refused, l: x.label } : a), { n: 0, l: '-' }).l}:00.</desc>
${d.map((x, i) => {
  const bx = 30 + i * 28;
  let y = h - 20;
  const parts = (['published', 'pending', 'refused'] as const).map((k) => {
    const bh = scale(x[k]);
    y -= bh;
    return html`<rect x="${String(bx)}" y="${String(y)}" width="20" height="${String(bh)}" fill="${COLORS[k]}"><title>${x.label}:00 ${k}: ${String(x[k])}</title></rect>`;
  });
  return html`${parts}<text x="${String(bx + 10)}" y="${String(h - 6)}" font-size="10" text-anchor="middle">${i % 3 === 0 ? x.label : ''}</text>`;
})}
<text x="0" y="12" font-size="10">${String(max)}</text>
<g font-size="11">${(['published', 'pending', 'refused'] as const).map((k, i) => html`<rect x="${String(40 + i * 110)}" y="4" width="10" height="10" fill="${COLORS[k]}"></rect><text x="${String(54 + i * 110)}" y="13">${k}</text>`)}</g></svg>`;
}

/** Horizontal bars with their labels. */
function bars(id: string, title: string, d: { label: string; value: number }[], unit = ''): SafeHtml {
  const max = Math.max(1, ...d.map((x) => x.value));
  const h = 24 * Math.max(1, d.length) + 10;
  return html`<svg viewBox="0 0 640 ${String(h)}" role="img" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${title}</title><desc id="${id}-d">${d.length ? d.map((x) => `${x.label}: ${x.value}${unit}`).join('; ') : 'nothing yet'}</desc>
${d.map((x, i) => html`<text x="0" y="${String(i * 24 + 17)}" font-size="12">${x.label.length > 40 ? `${x.label.slice(0, 39)}…` : x.label}</text><rect x="260" y="${String(i * 24 + 5)}" width="${String((x.value / max) * 320)}" height="16" fill="${COLORS.bar}"></rect><text x="${String(266 + (x.value / max) * 320)}" y="${String(i * 24 + 17)}" font-size="12">${String(x.value)}${unit}</text>`)}</svg>`;
}

export function dashboardView(d: Dashboard): SafeHtml {
  const fd = d.firstDecision;
  return html`<figure class="mod-chart"><figcaption>Comments per hour and their decisions (last 24 hours)</figcaption>${hoursChart(d.perHour)}</figure>
<figure class="mod-chart"><figcaption>Queues now${d.oldestPendingHours !== null ? ` (oldest pending: ${d.oldestPendingHours} h)` : ''}</figcaption>${bars(
    'c-queues',
    'Queue sizes',
    Object.entries(d.queues).map(([label, value]) => ({ label, value })),
  )}</figure>
<figure class="mod-chart"><figcaption>Time to first decision (last 7 days, ${String(fd.decided)} decided)</figcaption>${bars(
    'c-wait',
    "Minutes from posting to a moderator's decision",
    [
      { label: 'median', value: fd.medianMinutes ?? 0 },
      { label: '90th percentile', value: fd.p90Minutes ?? 0 },
    ],
    ' min',
  )}</figure>
<figure class="mod-chart"><figcaption>Top reasons (last 7 days)</figcaption>${bars(
    'c-reasons',
    'Top reasons',
    d.topReasons.map((r) => ({ label: r.reason, value: r.count })),
  )}</figure>
<figure class="mod-chart"><figcaption>Busiest stories (last 24 hours)</figcaption>${bars(
    'c-stories',
    'Busiest stories',
    d.busiestStories.map((s) => ({ label: s.title, value: s.count })),
  )}</figure>
<figure class="mod-chart"><figcaption>Moderators' actions (last 7 days)</figcaption>${bars(
    'c-mods',
    'Actions per moderator',
    d.moderators.map((m) => ({ label: m.name, value: m.actions })),
  )}</figure>`;
}
