import { createAbusiveCheck } from './checks/abusive.ts';
import { closedCheck } from './checks/closed.ts';
import { createEnglishCheck } from './checks/english.ts';
import { createLengthCheck } from './checks/length.ts';
import { createPersonalCheck } from './checks/personal.ts';
import { sentencesCheck } from './checks/sentences.ts';
import { createSpamCheck } from './checks/spam.ts';
import { createTrustCheck } from './checks/trust.ts';
import { createWordListCheck } from './checks/word-lists.ts';
import { loadModels, type Models } from './models.ts';
import type { CheckResult, Decision, ModerationContext, ModerationResult } from './pipeline.ts';
import { defaultPolicy, type Policy, type RuleName } from './policy.ts';
import { type PreparedText, prepare } from './prepared.ts';

// The community guidelines as an ordered list of phases. Every phase sees the
// same prepared text (computed once) and the same context, and returns a
// verdict, a score and a reason; the policy turns failures into decisions; the
// strongest decision wins (refuse over hold over publish). Every phase runs
// even after a decision, so that moderators see every score and a policy
// change can be replayed over stored results.

type Phase = { name: RuleName; run: (text: PreparedText, context: ModerationContext) => CheckResult };

const RANK: Record<Decision, number> = { publish: 0, hold: 1, refuse: 2 };

export function createGuidelines(options: { policy?: Policy; models?: Models } = {}) {
  const policy = options.policy ?? defaultPolicy;
  const models = options.models ?? loadModels();
  const english = createEnglishCheck(models);
  const banned = createWordListCheck(policy.words.banned, policy.rules.banned.message);
  const suspect = createWordListCheck(policy.words.suspect, policy.rules.suspect.message);
  const length = createLengthCheck(policy.length);
  const abusive = createAbusiveCheck(models.abusive, policy.thresholds.abusive ?? undefined);
  const personal = createPersonalCheck(models.personal, policy.thresholds.personal ?? undefined);
  const spam = createSpamCheck(policy.spam);
  const trust = createTrustCheck(policy.trust);
  // Cheap and certain first; the order is also the order moderators read them in.
  const phases: Phase[] = [
    { name: 'length', run: (p, c) => length(p.text, c.maxChars) },
    { name: 'closed', run: (_p, c) => closedCheck(c) },
    { name: 'banned', run: (p) => banned(p.text) },
    { name: 'suspect', run: (p) => suspect(p.text) },
    { name: 'english', run: (p) => english(p.text) },
    { name: 'sentences', run: (p) => sentencesCheck(p.text) },
    { name: 'abusive', run: (p) => abusive(p) },
    { name: 'personal', run: (p) => personal(p) },
    { name: 'spam', run: (p, c) => spam(p.text, c) },
    { name: 'trust', run: (_p, c) => trust(c) },
  ];

  /** The decision for a set of check results under this policy (also used to replay stored results). */
  function decide(checks: Record<string, CheckResult>): Omit<ModerationResult, 'checks'> {
    let decision: Decision = 'publish';
    const reasons: { rule: string; message: string }[] = [];
    let fixable = true;
    for (const phase of phases) {
      const result = checks[phase.name];
      const rule = policy.rules[phase.name];
      if (result?.verdict !== 'fail' || rule.decision === 'publish') continue;
      reasons.push({ rule: phase.name, message: rule.message });
      if (RANK[rule.decision] > RANK[decision]) decision = rule.decision;
      if (rule.decision === 'refuse' && !rule.nudge) fixable = false;
    }
    return { decision, reasons, nudge: decision === 'refuse' && fixable, policyVersion: policy.version };
  }

  function judge(text: string, context: ModerationContext = {}): ModerationResult {
    const prepared = prepare(text);
    const checks: Record<string, CheckResult> = {};
    for (const phase of phases) checks[phase.name] = phase.run(prepared, context);
    return { ...decide(checks), checks };
  }

  return { policy, judge, decide };
}

export type Guidelines = ReturnType<typeof createGuidelines>;
