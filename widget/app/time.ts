// Times as the paper writes them, in the site's zone; within the last day, relative.
import type { Key } from './i18n.ts';

export function when(
  iso: string,
  timeZone: string,
  tr: (k: Key, v?: Record<string, number>) => string,
  now = Date.now(),
): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return tr('justNow');
  if (s < 3600) return s < 120 ? tr('minuteAgo') : tr('minutesAgo', { n: Math.floor(s / 60) });
  if (s < 86400) return s < 7200 ? tr('hourAgo') : tr('hoursAgo', { n: Math.floor(s / 3600) });
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(new Date(iso));
  const g = (k: string) => p.find((x) => x.type === k)?.value ?? '';
  return `${g('month')} ${g('day')}, ${g('year')} ${g('hour')}:${g('minute')} ${g('dayPeriod').toLowerCase()}`;
}
