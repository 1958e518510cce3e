import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setLanguage, t } from './i18n.ts';
import { when } from './time.ts';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const at = (iso: string, zone = 'Asia/Kolkata') => when(iso, zone, t, NOW);

afterEach(() => setLanguage('en'));

describe('when a comment was written', () => {
  it('says "just now" for the first minute, and for a clock a little ahead', () => {
    assert.equal(at(ago(0)), 'just now');
    assert.equal(at(ago(59)), 'just now');
    assert.equal(at(ago(-30)), 'just now');
  });

  it('counts minutes within the hour, one minute in the singular', () => {
    assert.equal(at(ago(60)), '1 minute ago');
    assert.equal(at(ago(119)), '1 minute ago');
    assert.equal(at(ago(120)), '2 minutes ago');
    assert.equal(at(ago(59 * 60 + 59)), '59 minutes ago');
  });

  it('counts hours within the day, one hour in the singular', () => {
    assert.equal(at(ago(3600)), '1 hour ago');
    assert.equal(at(ago(7199)), '1 hour ago');
    assert.equal(at(ago(7200)), '2 hours ago');
    assert.equal(at(ago(86399)), '23 hours ago');
  });

  it("gives the date and time in the site's zone after a day", () => {
    assert.equal(at('2025-02-27T09:05:00.000Z'), 'February 27, 2025 02:35 pm');
    assert.equal(at('2025-02-27T09:05:00.000Z', 'America/New_York'), 'February 27, 2025 04:05 am');
    // the zone decides the day, too
    assert.equal(at('2025-02-27T20:00:00.000Z', 'Asia/Tokyo'), 'February 28, 2025 05:00 am');
  });

  it("speaks the reader's language where it can", () => {
    setLanguage('hi');
    assert.equal(at(ago(5)), 'अभी');
    assert.equal(at(ago(300)), '5 मिनट पहले');
    assert.equal(at(ago(3 * 3600)), '3 घंटे पहले');
  });
});
