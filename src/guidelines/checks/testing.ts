import type { Check, CheckSettings, SettingsSchema } from '../check.ts';
import { settingsFor } from '../guidelines.ts';
import { shippedGuidelinesModel } from '../models.ts';
import type { CheckResult, ModerationContext } from '../pipeline.ts';
import { defaultPolicy, type PolicyChanges, withChanges } from '../policy.ts';
import { prepare } from '../prepared.ts';

/** One check on one text, under the default policy or a change of it, as the pipeline runs it. */
export function runCheck<S extends SettingsSchema, R extends CheckResult>(
  check: Check<string, S, R>,
  text: string,
  context: ModerationContext = {},
  changes: PolicyChanges = {},
): R {
  const policy = withChanges(defaultPolicy, changes);
  return check.run(
    prepare(text, shippedGuidelinesModel()),
    context,
    settingsFor(policy, check as Check) as CheckSettings<S>,
  );
}
