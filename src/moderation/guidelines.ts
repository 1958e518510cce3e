import type { CheckResult, Decision, ModerationInput, ModerationPipeline, ModerationResult } from './pipeline.ts';
import { createEnglishCheck, type EnglishModels, loadEnglishModels } from './checks/english.ts';
import { sentencesCheck } from './checks/sentences.ts';
import { createWordListCheck } from './checks/word-lists.ts';

// The community guidelines as an ordered list of phases. Every phase sees the
// same plain text (computed once by the caller), returns a verdict, a score
// and a reason; the policy turns failures into decisions; the strongest
// decision wins (refuse over hold over publish), and every phase's result is
// kept so that moderators can see why.

export interface Policy {
  version: string;
  /** what a failed check leads to, and whether the author may revise (nudge) */
  rules: Record<string, { decision: Exclude<Decision, 'publish'>; nudge: boolean; message: string }>;
}

/** The paper's own four sentences, numbered as on the guidelines page. */
export const defaultPolicy: Policy = {
  version: 'default-1',
  rules: {
    banned: { decision: 'refuse', nudge: false, message: 'Your comment uses words this site does not publish (guideline 3).' },
    suspect: { decision: 'hold', nudge: false, message: 'A moderator will read your comment before it appears.' },
    english: { decision: 'refuse', nudge: true, message: 'Comments have to be in English (guideline 1).' },
    sentences: { decision: 'refuse', nudge: true, message: 'Comments have to be in full sentences (guideline 2).' },
  },
};

export interface GuidelinesOptions {
  policy?: Policy;
  banned?: string[];
  suspect?: string[];
  models?: EnglishModels;
}

type Phase = { name: string; run: (text: string) => CheckResult };

export function createGuidelines(options: GuidelinesOptions = {}) {
  const policy = options.policy ?? defaultPolicy;
  const english = createEnglishCheck(options.models ?? loadEnglishModels());
  const phases: Phase[] = [
    { name: 'banned', run: createWordListCheck(options.banned ?? [], policy.rules.banned?.message ?? 'Banned word.') },
    { name: 'suspect', run: createWordListCheck(options.suspect ?? [], policy.rules.suspect?.message ?? 'Suspect word.') },
    { name: 'english', run: english },
    { name: 'sentences', run: sentencesCheck },
  ];
  const rank: Record<Decision, number> = { publish: 0, hold: 1, refuse: 2 };

  function judge(text: string): ModerationResult {
    const checks: Record<string, CheckResult> = {};
    let decision: Decision = 'publish';
    const reasons: { rule: string; message: string }[] = [];
    let nudge = true;
    for (const phase of phases) {
      const result = phase.run(text);
      checks[phase.name] = result;
      const rule = policy.rules[phase.name];
      if (result.verdict !== 'fail' || !rule) continue;
      reasons.push({ rule: phase.name, message: rule.message });
      if (rank[rule.decision] > rank[decision]) decision = rule.decision;
      if (rule.decision === 'refuse' && !rule.nudge) nudge = false;
    }
    return { decision, reasons, checks, nudge: decision === 'refuse' && nudge, policyVersion: policy.version };
  }

  const pipeline: ModerationPipeline = {
    async moderate(input: ModerationInput) {
      return judge(input.text);
    },
  };
  return { judge, pipeline };
}
