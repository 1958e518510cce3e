import { htmlToText } from '../comments/markdown.ts';
import type { Check } from './check.ts';
import type { PastComment } from './guidelines.repository.ts';
import type { Guidelines } from './guidelines.ts';
import { type Highlight, markedRuns } from './highlights.ts';
import { PHASES } from './phases.ts';
import { type CheckResult, type Decision, decisionOf } from './pipeline.ts';

// A policy change tried on past comments: each comment's text is judged again
// under the changed policy, except by the checks that judged what was true at
// posting time (they keep their stored result), and the decision is compared
// with the one made then.

const KEPT = (PHASES as readonly Check[]).filter((p) => p.keptOnReplay).map((p) => p.name);

/** How many changes are listed; all are counted. */
const LISTED = 100;

export interface StoredDecision {
  decision?: Decision;
  checks?: Record<string, CheckResult>;
}

/** A comment's stored `moderation` record; unreadable, nothing. */
export function parseStored(json: string): StoredDecision {
  try {
    const o = JSON.parse(json) as StoredDecision;
    return typeof o === 'object' && o !== null ? o : {};
  } catch {
    return {};
  }
}

export interface ChangedDecision {
  id: string;
  storyId: string;
  excerpt: string;
  before: Decision;
  after: Decision;
  reasons: string[];
  /** the words the changed policy marks, in the comment's text (`excerpt` is its start) */
  highlights: Highlight[];
}

export function replayDecisions(after: Guidelines, past: PastComment[]) {
  const counts = { before: { publish: 0, hold: 0, refuse: 0 }, after: { publish: 0, hold: 0, refuse: 0 } };
  const changed: ChangedDecision[] = [];
  let changedCount = 0;
  for (const c of past) {
    const stored = parseStored(c.moderation);
    const text = htmlToText(c.bodyHtml);
    const checks: Record<string, CheckResult> = after.judge(text).checks;
    for (const name of KEPT) {
      const kept = stored.checks?.[name];
      if (kept) checks[name] = kept;
    }
    // A comment never judged (imported) counts as its status says.
    const was = stored.decision ?? decisionOf(c.status);
    const now = after.decide(checks);
    counts.before[was]++;
    counts.after[now.decision]++;
    if (was === now.decision) continue;
    changedCount++;
    if (changed.length < LISTED)
      changed.push({
        id: c.id,
        storyId: c.storyId,
        excerpt: text.slice(0, 160),
        before: was,
        after: now.decision,
        reasons: now.reasons.map((r) => r.rule),
        highlights: markedRuns(checks).map((h) => ({ ...h, text: text.slice(h.start, h.end) })),
      });
  }
  return { counts, changedCount, changed };
}
