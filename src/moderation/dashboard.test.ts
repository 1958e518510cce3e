import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardView } from './dashboard.pages.ts';
import { type CommentRow, dashboardFigures } from './dashboard.ts';

const now = new Date('2026-06-15T06:30:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const row = (o: Partial<CommentRow> = {}): CommentRow => ({
  status: 'published',
  created_at: minutesAgo(10),
  moderated_at: null,
  moderation: '{}',
  refusal_code: null,
  story_title: 'Harbour',
  ...o,
});
const queues = { pending: 1, reported: 0, unmoderated: 3, approved: 0, refused: 0, appeals: 0 };
const figures = (rows: CommentRow[], timeZone = 'Asia/Kolkata', actions: { actor_name: string }[] = []) =>
  dashboardFigures({ rows, actions, queues, timeZone, now });

describe('the dashboard', () => {
  it("labels the last 24 hours in the site's zone, the current hour last", () => {
    const india = figures([]).perHour.map((h) => h.label);
    assert.equal(india.length, 24);
    // 06:00 UTC is 11:30 in India: the current hour reads 11
    assert.equal(india.at(-1), '11');
    assert.equal(india[0], '12');
    assert.equal(figures([], 'UTC').perHour.at(-1)!.label, '06');
    assert.equal(figures([], 'America/New_York').perHour.at(-1)!.label, '02');
  });

  it("counts each of the last day's comments in its hour, by decision, the deleted in none", () => {
    const d = figures([
      row({ created_at: minutesAgo(10) }),
      row({ created_at: minutesAgo(20), status: 'pending' }),
      row({ created_at: minutesAgo(25), status: 'rejected' }),
      row({ created_at: minutesAgo(29), status: 'deleted' }),
      row({ created_at: minutesAgo(60) }),
      row({ created_at: minutesAgo(25 * 60) }),
    ]);
    assert.deepEqual(d.perHour.at(-1), { label: '11', published: 1, pending: 1, refused: 1 });
    assert.deepEqual(d.perHour.at(-2), { label: '10', published: 1, pending: 0, refused: 0 });
    const total = d.perHour.reduce((a, h) => a + h.published + h.pending + h.refused, 0);
    assert.equal(total, 4);
  });

  it('gives the oldest wait in hours, and the median and 90th percentile of the time to a decision', () => {
    const d = figures([
      row({ status: 'pending', created_at: minutesAgo(150) }),
      row({ status: 'pending', created_at: minutesAgo(30) }),
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m) =>
        row({ created_at: minutesAgo(200), moderated_at: minutesAgo(200 - m) }),
      ),
    ]);
    assert.equal(d.oldestPendingHours, 2.5);
    assert.deepEqual(d.firstDecision, { medianMinutes: 60, p90Minutes: 100, decided: 10 });
    assert.deepEqual(figures([]).firstDecision, { medianMinutes: null, p90Minutes: null, decided: 0 });
    assert.equal(figures([]).oldestPendingHours, null);
  });

  it("ranks reasons, moderators' and checks', the busiest stories of the day and the moderators of the week", () => {
    const failed = (name: string) => JSON.stringify({ checks: { [name]: { verdict: 'fail', score: 1 } } });
    const d = figures(
      [
        row({ moderation: failed('english'), story_title: 'Harbour' }),
        row({ moderation: failed('english'), refusal_code: 'english', story_title: 'Harbour' }),
        row({ moderation: failed('spam'), story_title: 'Quota' }),
        row({ moderation: 'not json', created_at: minutesAgo(3 * 24 * 60), story_title: 'Old' }),
      ],
      'UTC',
      [{ actor_name: 'Mona' }, { actor_name: 'Max' }, { actor_name: 'Mona' }],
    );
    assert.deepEqual(d.topReasons, [
      { reason: 'check: english', count: 2 },
      { reason: 'moderator: english', count: 1 },
      { reason: 'check: spam', count: 1 },
    ]);
    assert.deepEqual(d.busiestStories, [
      { title: 'Harbour', count: 2 },
      { title: 'Quota', count: 1 },
    ]);
    assert.deepEqual(d.moderators, [
      { name: 'Mona', actions: 2 },
      { name: 'Max', actions: 1 },
    ]);
    assert.equal(d.queues, queues);
  });

  it('draws each figure as an image with a text description', () => {
    const page = dashboardView(figures([row(), row({ status: 'pending', created_at: minutesAgo(90) })])).toString();
    assert.equal(page.match(/<svg[^>]+role="img"/g)?.length, 6);
    // the first of equally busy hours
    assert.match(page, /<desc id="c-hours-d">2 comments; busiest hour 10:00\.<\/desc>/);
    assert.match(page, /oldest pending: 1\.5 h/);
    assert.match(page, /<desc id="c-reasons-d">nothing yet<\/desc>/);
  });
});
