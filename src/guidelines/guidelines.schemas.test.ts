import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Value } from 'typebox/value';
import { PolicyChangesSchema, ReplayBody } from './guidelines.schemas.ts';
import { defaultPolicy, RULES } from './policy.ts';

const valid = (doc: unknown) => Value.Check(PolicyChangesSchema, doc);
const { version: _, ...wholeDefault } = defaultPolicy;

describe("the policy's schema, assembled from the checks", () => {
  it('accepts any subset of the settings, the whole default policy included', () => {
    assert.ok(valid({}));
    assert.ok(valid(structuredClone(wholeDefault)));
    assert.ok(valid({ rules: { english: { decision: 'hold' } } }));
    assert.ok(valid({ bands: { abusive: { hold: 0.6, refuse: null }, personal: { hold: null, refuse: 0.9 } } }));
    assert.ok(valid({ words: { banned: ['scoundrel'], suspect: [] } }));
    assert.ok(valid({ trust: { mode: 'new', minPublished: 1000, minAccountDays: 3650, sanctionDays: 0 } }));
    assert.ok(valid({ spam: { maxLinks: 0, floodPerTenMinutes: 1 } }));
    assert.ok(valid({ length: { minLetters: 0 } }));
  });

  it('still accepts the retired closed rule, as documents written while it existed have it', () => {
    assert.ok(valid({ rules: { closed: { decision: 'refuse', nudge: false, message: 'Closed.' } } }));
  });

  it('refuses what no check knows, and values out of their range', () => {
    for (const doc of [
      { colours: {} },
      { rules: { shouting: { decision: 'hold' } } },
      { rules: { english: { decision: 'maybe' } } },
      { rules: { english: { message: '' } } },
      { bands: { abusive: { hold: 1.5, refuse: null } } },
      { bands: { spam: { hold: 0.5, refuse: null } } },
      { bands: { abusive: { hold: 0.5 } } },
      { thresholds: { abusive: 0.5 } },
      { words: { banned: ['x'.repeat(101)] } },
      { words: { banned: [''] } },
      { words: { allowed: [] } },
      { trust: { mode: 'sometimes' } },
      { trust: { minPublished: 1001 } },
      { trust: { sanctionDays: -1 } },
      { trust: { minAccountDays: 1.5 } },
      { spam: { floodPerTenMinutes: 0 } },
      { spam: { maxLinks: 101 } },
      { length: { minLetters: 1001 } },
      { length: { maxChars: 100 } },
      { version: 'mine' },
    ])
      assert.equal(valid(doc), false, JSON.stringify(doc));
  });

  it("documents every check's rule and every setting for the API", () => {
    const schema = JSON.parse(JSON.stringify(PolicyChangesSchema));
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULES, 'closed']);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties).sort(), ['bands', 'length', 'rules', 'spam', 'trust', 'words']);
    assert.deepEqual(Object.keys(schema.properties.trust.properties), [
      'mode',
      'minPublished',
      'minAccountDays',
      'sanctionDays',
    ]);
    assert.equal(schema.required, undefined);
  });

  it('takes a replay of at most 20,000 comments', () => {
    assert.ok(Value.Check(ReplayBody, { changes: {}, limit: 20000 }));
    assert.equal(Value.Check(ReplayBody, { changes: {}, limit: 20001 }), false);
    assert.equal(Value.Check(ReplayBody, { changes: {}, limit: 0 }), false);
    assert.equal(Value.Check(ReplayBody, { limit: 10 }), false);
  });
});
