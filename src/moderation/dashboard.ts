import type { CommentStatus } from '../storage/schema.ts';
import type { Queue } from './queues.ts';

// The moderation dashboard's figures: what happened in the last day and week,
// in the site's time zone, from the site's recent comments and actions.

export interface Dashboard {
  perHour: { label: string; published: number; pending: number; refused: number }[];
  queues: Record<Queue, number>;
  oldestPendingHours: number | null;
  firstDecision: { medianMinutes: number | null; p90Minutes: number | null; decided: number };
  topReasons: { reason: string; count: number }[];
  busiestStories: { title: string; count: number }[];
  moderators: { name: string; actions: number }[];
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

export interface DashboardInput {
  /** the site's comments of the last week */
  rows: CommentRow[];
  /** moderators' actions on comments of the last week */
  actions: { actor_name: string }[];
  queues: Record<Queue, number>;
  timeZone: string;
  now: Date;
}

export interface CommentRow {
  status: CommentStatus;
  created_at: string;
  moderated_at?: string | null | undefined;
  moderation: string;
  refusal_code?: string | null | undefined;
  story_title: string;
}

export const WEEK_MS = 7 * 86_400_000;

export function dashboardFigures({ rows, actions, queues, timeZone, now }: DashboardInput): Dashboard {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const hourLabel = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const perHour: Dashboard['perHour'] = [];
  const start = Math.floor(dayAgo.getTime() / 3_600_000) + 1;
  for (let h = 0; h < 24; h++)
    perHour.push({ label: hourLabel.format(new Date((start + h) * 3_600_000)), published: 0, pending: 0, refused: 0 });
  const reasons = new Map<string, number>();
  const stories = new Map<string, number>();
  const waits: number[] = [];
  let oldestPending: number | null = null;
  for (const r of rows) {
    const t = new Date(r.created_at).getTime();
    if (t >= dayAgo.getTime()) {
      const slot = perHour[Math.floor(t / 3_600_000) - start];
      if (slot)
        slot[r.status === 'published' ? 'published' : r.status === 'pending' ? 'pending' : 'refused'] +=
          r.status === 'deleted' ? 0 : 1;
      stories.set(r.story_title, (stories.get(r.story_title) ?? 0) + 1);
    }
    if (r.status === 'pending') oldestPending = Math.max(oldestPending ?? 0, (now.getTime() - t) / 3_600_000);
    if (r.moderated_at) waits.push((new Date(r.moderated_at).getTime() - t) / 60_000);
    if (r.refusal_code)
      reasons.set(`moderator: ${r.refusal_code}`, (reasons.get(`moderator: ${r.refusal_code}`) ?? 0) + 1);
    try {
      const m = JSON.parse(r.moderation) as { checks?: Record<string, { verdict: string }> };
      for (const [name, c] of Object.entries(m.checks ?? {}))
        if (c.verdict === 'fail') reasons.set(`check: ${name}`, (reasons.get(`check: ${name}`) ?? 0) + 1);
    } catch {
      // an unreadable record counts for nothing
    }
  }
  waits.sort((a, b) => a - b);
  const actors = new Map<string, number>();
  for (const a of actions) actors.set(a.actor_name, (actors.get(a.actor_name) ?? 0) + 1);
  return {
    perHour,
    queues,
    oldestPendingHours: oldestPending === null ? null : Math.round(oldestPending * 10) / 10,
    firstDecision: {
      medianMinutes: round(quantile(waits, 0.5)),
      p90Minutes: round(quantile(waits, 0.9)),
      decided: waits.length,
    },
    topReasons: top(reasons, 8).map(([reason, count]) => ({ reason, count })),
    busiestStories: top(stories, 5).map(([title, count]) => ({ title, count })),
    moderators: top(actors, 10).map(([name, actions]) => ({ name, actions })),
  };
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
