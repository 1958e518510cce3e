import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Type } from 'typebox';
import { defineCheck, setting, settingsOfChecks } from './check.ts';
import { shippedGuidelinesModel } from './models.ts';
import { prepare } from './prepared.ts';

// A check of a kind #14 will add: its own settings in a section it shares
// with another check, and extra data (spans) in its result.
const shouting = defineCheck({
  name: 'shouting',
  rule: { decision: 'hold', nudge: true, message: 'Please do not shout.' },
  settings: { thresholds: { shouting: setting(Type.Number({ minimum: 0, maximum: 1 }), 0.7) } },
  run: (p, _context, s) => {
    const spans = [...p.text.matchAll(/\b[A-Z]{3,}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const score = spans.length / Math.max(1, p.text.split(' ').length);
    return score >= s.thresholds.shouting
      ? { verdict: 'fail' as const, score, reason: s.rule.message, spans }
      : { verdict: 'pass' as const, score, spans };
  },
});
const quiet = defineCheck({
  name: 'quiet',
  rule: { decision: 'publish', nudge: false, message: 'x' },
  run: () => ({ verdict: 'pass', score: 0 }),
});
const other = defineCheck({
  name: 'other',
  rule: { decision: 'hold', nudge: false, message: 'y' },
  settings: {
    thresholds: { other: setting(Type.Null(), null) },
    limits: { max: setting(Type.Integer(), 3) },
  },
  run: () => ({ verdict: 'pass', score: 0 }),
});

it('lists the settings of checks in their order, sections shared', () => {
  assert.deepEqual(
    settingsOfChecks([shouting, quiet, other]).map((s) => [s.section, s.name, s.setting.default]),
    [
      ['thresholds', 'shouting', 0.7],
      ['thresholds', 'other', null],
      ['limits', 'max', 3],
    ],
  );
});

it('runs with its own settings and rule, and returns extra data with its verdict', () => {
  const rule = shouting.rule;
  const r = shouting.run(
    prepare('STOP THIS NOW', shippedGuidelinesModel()),
    {},
    { rule, thresholds: { shouting: 0.7 } },
  );
  assert.equal(r.verdict, 'fail');
  assert.equal(r.reason, 'Please do not shout.');
  assert.deepEqual(r.spans, [
    { start: 0, end: 4 },
    { start: 5, end: 9 },
    { start: 10, end: 13 },
  ]);
  assert.equal(
    shouting.run(prepare('STOP this now', shippedGuidelinesModel()), {}, { rule, thresholds: { shouting: 0.7 } })
      .verdict,
    'pass',
  );
});
