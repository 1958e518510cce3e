import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatClockTime,
  formatPaperTime,
  formatTimeLine,
  isValidTimeZone,
  localDay,
  zoneAbbreviation,
} from './format.ts';

describe('formatPaperTime', () => {
  it('writes the seed style in the site zone', () => {
    // 15:02 UTC is 20:32 in India (UTC+5:30)
    assert.equal(formatPaperTime('2019-10-01T15:02:00Z', 'Asia/Kolkata'), 'October 01, 2019 08:32 pm');
    assert.equal(formatPaperTime('2021-12-03T01:42:00Z', 'Asia/Kolkata'), 'December 03, 2021 07:12 am');
  });

  it('crosses the date line by zone, not by UTC', () => {
    assert.equal(formatPaperTime('2024-03-31T20:00:00Z', 'Asia/Kolkata'), 'April 01, 2024 01:30 am');
    assert.equal(formatPaperTime('2024-03-31T20:00:00Z', 'UTC'), 'March 31, 2024 08:00 pm');
  });

  it('writes noon and midnight as 12', () => {
    assert.equal(formatPaperTime('2024-01-01T00:00:00Z', 'UTC'), 'January 01, 2024 12:00 am');
    assert.equal(formatPaperTime('2024-01-01T12:00:00Z', 'UTC'), 'January 01, 2024 12:00 pm');
  });

  it('refuses a non-time', () => {
    assert.throws(() => formatPaperTime('yesterday', 'UTC'), RangeError);
  });
});

describe('zoneAbbreviation', () => {
  it('names zones the way their readers do, following daylight saving', () => {
    assert.equal(zoneAbbreviation('2021-07-01T00:00:00Z', 'Asia/Kolkata'), 'IST');
    assert.equal(zoneAbbreviation('2021-07-01T00:00:00Z', 'America/New_York'), 'EDT');
    assert.equal(zoneAbbreviation('2021-01-01T00:00:00Z', 'America/New_York'), 'EST');
    assert.equal(zoneAbbreviation('2021-07-01T00:00:00Z', 'Europe/London'), 'BST');
    assert.equal(zoneAbbreviation('2021-01-01T00:00:00Z', 'Europe/London'), 'GMT');
    assert.equal(zoneAbbreviation('2021-01-01T00:00:00Z', 'UTC'), 'UTC');
  });

  it('falls back to an offset where no name exists', () => {
    assert.equal(zoneAbbreviation('2021-01-01T00:00:00Z', 'Asia/Kathmandu'), 'GMT+5:45');
  });
});

describe('formatTimeLine', () => {
  const base = { timeZone: 'Asia/Kolkata', dateline: 'Seoul' };

  it('matches the seed page exactly', () => {
    assert.equal(
      formatTimeLine({ ...base, publishedAt: '2019-10-01T15:02:00Z', updatedAt: '2021-12-03T01:42:00Z' }),
      'October 01, 2019 08:32 pm | Updated December 03, 2021 07:12 am IST - SEOUL',
    );
  });

  it('leaves "Updated" out when there was no real update', () => {
    assert.equal(
      formatTimeLine({ ...base, publishedAt: '2019-10-01T15:02:00Z' }),
      'October 01, 2019 08:32 pm IST - SEOUL',
    );
    assert.equal(
      formatTimeLine({ ...base, publishedAt: '2019-10-01T15:02:00Z', updatedAt: '2019-10-01T15:02:00Z' }),
      'October 01, 2019 08:32 pm IST - SEOUL',
    );
    assert.equal(
      formatTimeLine({ ...base, publishedAt: '2019-10-01T15:02:00Z', updatedAt: '2019-09-01T00:00:00Z' }),
      'October 01, 2019 08:32 pm IST - SEOUL',
    );
  });

  it('omits the dateline when there is none and honours a site label', () => {
    assert.equal(
      formatTimeLine({ timeZone: 'Asia/Kolkata', publishedAt: '2019-10-01T15:02:00Z', dateline: null }),
      'October 01, 2019 08:32 pm IST',
    );
    assert.equal(
      formatTimeLine({ timeZone: 'America/New_York', zoneLabel: 'ET', publishedAt: '2019-10-01T15:02:00Z' }),
      'October 01, 2019 11:02 am ET',
    );
  });

  it('labels the zone of the later time when daylight saving changed in between', () => {
    assert.equal(
      formatTimeLine({
        timeZone: 'America/New_York',
        publishedAt: '2021-07-01T16:00:00Z',
        updatedAt: '2021-12-01T17:00:00Z',
        dateline: 'Washington',
      }),
      'July 01, 2021 12:00 pm | Updated December 01, 2021 12:00 pm EST - WASHINGTON',
    );
  });
});

describe('helpers', () => {
  it('formats a clock time with the zone', () => {
    assert.equal(formatClockTime('2019-10-01T15:02:00Z', 'Asia/Kolkata'), '08:32 pm IST');
  });

  it('cuts the day in the site zone', () => {
    assert.equal(localDay('2024-03-31T20:00:00Z', 'Asia/Kolkata'), '2024-04-01');
    assert.equal(localDay('2024-03-31T20:00:00Z', 'America/New_York'), '2024-03-31');
  });

  it('validates zone names', () => {
    assert.equal(isValidTimeZone('Asia/Kolkata'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
  });
});

describe('startOfLocalDay', () => {
  it('finds local midnight in UTC', async () => {
    const { startOfLocalDay } = await import('./format.ts');
    assert.equal(
      startOfLocalDay(new Date('2024-03-31T20:00:00Z'), 'Asia/Kolkata').toISOString(),
      '2024-03-31T18:30:00.000Z',
    );
    assert.equal(
      startOfLocalDay(new Date('2024-03-31T10:00:00Z'), 'Asia/Kolkata').toISOString(),
      '2024-03-30T18:30:00.000Z',
    );
    assert.equal(
      startOfLocalDay(new Date('2024-06-01T03:00:00Z'), 'America/New_York').toISOString(),
      '2024-05-31T04:00:00.000Z',
    );
    // the day daylight saving starts in New York: midnight was still EST
    assert.equal(
      startOfLocalDay(new Date('2024-03-10T20:00:00Z'), 'America/New_York').toISOString(),
      '2024-03-10T05:00:00.000Z',
    );
  });
});
