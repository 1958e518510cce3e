import { type TSchema, Type } from 'typebox';
import { settingsOfChecks } from './check.ts';
import { PHASES } from './phases.ts';
import { type PolicyChanges, RULES } from './policy.ts';

const Rule = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('hold'), Type.Literal('refuse')]),
    nudge: Type.Boolean(),
    message: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/**
 * Rules of checks that are gone: policies saved and documents written while
 * they existed still validate; the setting is ignored. ("closed" could never
 * fail: posting refuses a closed story before the checks run.)
 */
const RETIRED_RULES = ['closed'];

/** Every section's settings, each optional, from the checks that declare them. */
function sections(): Record<string, TSchema> {
  const fields: Record<string, Record<string, TSchema>> = {};
  for (const { section, name, setting } of settingsOfChecks(PHASES)) {
    fields[section] ??= {};
    fields[section][name] = Type.Optional(setting.schema);
  }
  return Object.fromEntries(
    Object.entries(fields).map(([section, f]) => [
      section,
      Type.Optional(Type.Object(f, { additionalProperties: false })),
    ]),
  );
}

/** A change to a site's policy: any subset of the settings; lists replace lists. */
export const PolicyChangesSchema = Type.Unsafe<Omit<PolicyChanges, 'version'>>(
  Type.Object(
    {
      rules: Type.Optional(
        Type.Object(
          Object.fromEntries([...RULES, ...RETIRED_RULES].map((r) => [r, Type.Optional(Type.Partial(Rule))])),
          { additionalProperties: false },
        ),
      ),
      ...sections(),
    },
    { additionalProperties: false },
  ),
);

export const ReplayBody = Type.Object(
  {
    changes: PolicyChangesSchema,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    model: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description: "one of the site's own models, tried before it is turned on",
      }),
    ),
  },
  { additionalProperties: false },
);
