import { Type } from 'typebox';
import { RULES } from './policy.ts';

const Rule = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('hold'), Type.Literal('refuse')]),
    nudge: Type.Boolean(),
    message: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const Threshold = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Words = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5000 });

/** A change to a site's policy: any subset of the settings; lists replace lists. */
export const PolicyChangesSchema = Type.Object(
  {
    rules: Type.Optional(
      Type.Object(Object.fromEntries(RULES.map((r) => [r, Type.Optional(Type.Partial(Rule))])), {
        additionalProperties: false,
      }),
    ),
    thresholds: Type.Optional(
      Type.Object(
        { abusive: Type.Optional(Threshold), personal: Type.Optional(Threshold) },
        { additionalProperties: false },
      ),
    ),
    words: Type.Optional(
      Type.Object({ banned: Type.Optional(Words), suspect: Type.Optional(Words) }, { additionalProperties: false }),
    ),
    trust: Type.Optional(
      Type.Object(
        {
          mode: Type.Optional(Type.Union([Type.Literal('off'), Type.Literal('new'), Type.Literal('all')])),
          minPublished: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
          minAccountDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
          sanctionDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
        },
        { additionalProperties: false },
      ),
    ),
    spam: Type.Optional(
      Type.Object(
        {
          maxLinks: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          floodPerTenMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        },
        { additionalProperties: false },
      ),
    ),
    length: Type.Optional(
      Type.Object(
        { minLetters: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ReplayBody = Type.Object(
  { changes: PolicyChangesSchema, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })) },
  { additionalProperties: false },
);
