import type { Check, CheckSettings, SettingsSchema } from './check.ts';
import type { GuidelinesModel } from './model/analyse.ts';
import { shippedGuidelinesModel } from './models.ts';
import { PHASES } from './phases.ts';
import type { CheckResult, Decision, ModerationContext, ModerationResult } from './pipeline.ts';
import { defaultPolicy, type Policy } from './policy.ts';
import { prepare } from './prepared.ts';

// The community guidelines under one policy: every check of phases.ts sees the
// same prepared text (computed once) and the same context, and returns a
// verdict, a score and a reason; the policy turns failures into decisions; the
// strongest decision wins (refuse over hold over publish). Every check runs
// even after a decision, so that moderators see every score and a policy
// change can be replayed over stored results.

const RANK: Record<Decision, number> = { publish: 0, hold: 1, refuse: 2 };

type AnyCheck = Check<string, SettingsSchema, CheckResult>;

/** What a check reads of the policy: its rule and its sections of settings. */
export function settingsFor(policy: Policy, check: AnyCheck): CheckSettings<SettingsSchema> {
  const sections = policy as unknown as Record<string, Record<string, unknown>>;
  const own = Object.keys(check.settings ?? {}).map((section) => [section, sections[section]]);
  return { rule: policy.rules[check.name as keyof Policy['rules']], ...Object.fromEntries(own) };
}

export function createGuidelines(options: { policy?: Policy; model?: GuidelinesModel } = {}) {
  const policy = options.policy ?? defaultPolicy;
  const model = options.model ?? shippedGuidelinesModel();
  const phases = (PHASES as readonly AnyCheck[]).map((check) => ({ check, settings: settingsFor(policy, check) }));

  /** The decision for a set of check results under this policy (also used to replay stored results). */
  function decide(checks: Record<string, CheckResult>): Omit<ModerationResult, 'checks'> {
    let decision: Decision = 'publish';
    const reasons: { rule: string; message: string }[] = [];
    let fixable = true;
    for (const { check, settings } of phases) {
      const result = checks[check.name];
      const rule = settings.rule;
      if (result?.verdict !== 'fail' || rule.decision === 'publish') continue;
      const asked = result.decision && RANK[result.decision] < RANK[rule.decision] ? result.decision : rule.decision;
      reasons.push({ rule: check.name, message: rule.message });
      if (RANK[asked] > RANK[decision]) decision = asked;
      if (asked === 'refuse' && !rule.nudge) fixable = false;
    }
    return { decision, reasons, nudge: decision === 'refuse' && fixable, policyVersion: policy.version };
  }

  function judge(text: string, context: ModerationContext = {}): ModerationResult {
    const prepared = prepare(text, model);
    const checks: Record<string, CheckResult> = {};
    for (const { check, settings } of phases) checks[check.name] = check.run(prepared, context, settings);
    return { ...decide(checks), checks };
  }

  return { policy, model, judge, decide };
}

export type Guidelines = ReturnType<typeof createGuidelines>;
