import type { CheckResult, ModerationResult } from './pipeline.ts';

// The words that broke a rule, for the author's editor and the moderators'
// queue. The checks mark words in the comment's plain text (what they read:
// markdown rendered, then reduced to text); the author edits what they typed.
// Each marked run is found again in the typed text, in order, so that the
// editor can highlight exactly what to revise.

export interface Highlight {
  /** offsets into the text the author typed, end exclusive */
  start: number;
  end: number;
  /** the rule the words broke */
  rule: string;
  /** what kind of words: insult, threat, identity, profane, other */
  type?: string;
  text: string;
}

interface MarkedResult extends CheckResult {
  spans?: { start: number; end: number; type?: string }[];
}

/** Marked runs of the failed checks, in the plain text, one per place (the first rule to mark it names it). */
export function markedRuns(checks: Record<string, CheckResult>): Omit<Highlight, 'text'>[] {
  const runs: Omit<Highlight, 'text'>[] = [];
  for (const [rule, result] of Object.entries(checks) as [string, MarkedResult][]) {
    if (result.verdict !== 'fail') continue;
    for (const s of result.spans ?? []) {
      if (runs.some((r) => r.start < s.end && s.start < r.end)) continue;
      runs.push({ start: s.start, end: s.end, rule, ...(s.type ? { type: s.type } : {}) });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/**
 * The runs found again in the typed source, searched in order from where the
 * last one was found (case and look-alike spacing aside). A run the source
 * does not hold (markdown moved it beyond recognition) is left out rather than
 * marked in the wrong place.
 */
export function locateInSource(plain: string, source: string, runs: Omit<Highlight, 'text'>[]): Highlight[] {
  const out: Highlight[] = [];
  const lower = source.toLowerCase();
  let from = 0;
  for (const run of runs) {
    const words = plain.slice(run.start, run.end);
    const at = lower.indexOf(words.toLowerCase(), from);
    if (at >= 0) {
      out.push({ ...run, start: at, end: at + words.length, text: source.slice(at, at + words.length) });
      from = at + words.length;
      continue;
    }
    // the words with markdown or other spacing between them: match word by word
    const parts = words.split(/\s+/).filter(Boolean);
    const pattern = new RegExp(parts.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s*_~`>]+'), 'iy');
    for (let i = from; i < source.length; i++) {
      pattern.lastIndex = i;
      const m = pattern.exec(source);
      if (!m) continue;
      out.push({ ...run, start: i, end: i + m[0].length, text: m[0] });
      from = i + m[0].length;
      break;
    }
  }
  return out;
}

/** What the author and the moderators are shown: the failed checks' words, in the typed text. */
export function highlightsOf(result: Pick<ModerationResult, 'checks'>, plain: string, source: string): Highlight[] {
  return locateInSource(plain, source, markedRuns(result.checks));
}
