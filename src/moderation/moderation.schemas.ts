import { Type } from 'typebox';
import { QUEUES } from './queues.ts';

const Str = (max: number) => Type.String({ maxLength: max });

export const QueueQuerySchema = Type.Object({
  queue: Type.Optional(Type.Union(QUEUES.map((q) => Type.Literal(q)))),
  story: Type.Optional(Str(40)),
  section: Type.Optional(Str(40)),
  check: Type.Optional(Str(20)),
  minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  q: Type.Optional(Str(200)),
  author: Type.Optional(Str(100)),
  // a time: PostgreSQL refuses to compare anything else with one (a 500)
  before: Type.Optional(Type.String({ maxLength: 40, format: 'date-time' })),
  notice: Type.Optional(Str(40)),
});

export const ActionSchema = Type.Union([
  Type.Literal('approve'),
  Type.Literal('approve_trust'),
  Type.Literal('refuse'),
  Type.Literal('feature'),
  Type.Literal('unfeature'),
]);

export const DecisionBody = Type.Object({
  action: ActionSchema,
  version: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
  reason: Type.Optional(Str(20)),
  note: Type.Optional(Str(500)),
  _csrf: Type.Optional(Str(200)),
  return: Type.Optional(Str(500)),
});

export const BulkBody = Type.Object({
  items: Type.Array(Type.Object({ id: Str(40), version: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) }), {
    minItems: 1,
    maxItems: 200,
  }),
  action: ActionSchema,
  reason: Type.Optional(Str(20)),
  note: Type.Optional(Str(500)),
});

export const SanctionBody = Type.Object({
  kind: Type.Union([Type.Literal('warn'), Type.Literal('suspend'), Type.Literal('ban'), Type.Literal('lift')]),
  until: Type.Optional(Type.String({ format: 'date' })),
  reason: Str(500),
  _csrf: Type.Optional(Str(200)),
});
