// The paper's way of writing times: "October 01, 2019 08:32 pm", in the site's
// own time zone, and the time line "… | Updated … IST - SEOUL" built from it.
// Formatters are costly to build and are cached per zone.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'long',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: true,
    });
    dateTimeFormats.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function toDate(value: Date | string): Date {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${String(value)}`);
  return d;
}

/** "October 01, 2019 08:32 pm" in the given zone. */
export function formatPaperTime(value: Date | string, timeZone: string): string {
  const parts = dateTimeFormat(timeZone).formatToParts(toDate(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // ICU writes midnight as "12" with hour12, which is what a reader expects.
  return `${get('month')} ${get('day')}, ${get('year')} ${get('hour')}:${get('minute')} ${get('dayPeriod').toLowerCase()}`;
}

// Locales whose short zone names are the ones readers know (IST, EDT, BST, AEST…).
const zoneNameLocales = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-CA', 'en-NZ', 'en-ZA', 'en-SG'];

/**
 * The zone's abbreviation at that instant (so EST/EDT follow daylight saving),
 * or "GMT+5:45" where no English-speaking locale has a name for it.
 */
export function zoneAbbreviation(value: Date | string, timeZone: string): string {
  const date = toDate(value);
  let fallback = '';
  for (const locale of zoneNameLocales) {
    const key = `${locale}|${timeZone}`;
    let f = zoneNameFormats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
      zoneNameFormats.set(key, f);
    }
    const name = f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !/^(GMT|UTC)[+-−]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

export interface TimeLineInput {
  publishedAt: Date | string;
  /** the editor's visible update; ignored unless later than publication */
  updatedAt?: Date | string | null;
  timeZone: string;
  /** the site's own label for its zone, if it prefers one (e.g. "IST") */
  zoneLabel?: string | null;
  dateline?: string | null;
}

/** "October 01, 2019 08:32 pm | Updated December 03, 2021 07:12 am IST - SEOUL" */
export function formatTimeLine(input: TimeLineInput): string {
  const published = toDate(input.publishedAt);
  const updated = input.updatedAt ? toDate(input.updatedAt) : null;
  const showUpdate = updated !== null && updated.getTime() > published.getTime();
  const last = showUpdate ? updated : published;
  let line = formatPaperTime(published, input.timeZone);
  if (showUpdate) line += ` | Updated ${formatPaperTime(updated, input.timeZone)}`;
  line += ` ${input.zoneLabel || zoneAbbreviation(last, input.timeZone)}`;
  const dateline = input.dateline?.trim();
  if (dateline) line += ` - ${dateline.toUpperCase()}`;
  return line;
}

/** "08:32 pm IST" for entries of a live blog posted on the day being read. */
export function formatClockTime(value: Date | string, timeZone: string, zoneLabel?: string | null): string {
  const full = formatPaperTime(value, timeZone);
  const clock = full.slice(full.lastIndexOf(' ', full.length - 4) + 1);
  return `${clock} ${zoneLabel || zoneAbbreviation(value, timeZone)}`;
}

/** The calendar day (YYYY-MM-DD) of an instant in the given zone: "today" for Top News. */
export function localDay(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    toDate(value),
  );
}

/** Offset of the zone from UTC at that instant, in milliseconds (IST: +19,800,000). */
export function zoneOffset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the local day containing `at` began in the zone ("today" starts here). */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const [y, m, d] = localDay(at, timeZone).split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // The offset at midnight may differ from the offset now (daylight saving), so
  // correct once with the offset at the first guess.
  const guess = midnightAsUtc - zoneOffset(at, timeZone);
  return new Date(midnightAsUtc - zoneOffset(new Date(guess), timeZone));
}

/** The instant of a wall-clock time ("2026-06-15T09:30", as a datetime-local field sends it) in the zone. */
export function fromLocalDateTime(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/.exec(value);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const guess = asUtc - zoneOffset(new Date(asUtc), timeZone);
  return new Date(asUtc - zoneOffset(new Date(guess), timeZone));
}
