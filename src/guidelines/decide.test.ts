import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGuidelines } from './guidelines.ts';
import { PHASES } from './phases.ts';
import type { CheckResult } from './pipeline.ts';
import { defaultPolicy, type PolicyChanges, RULES, withChanges } from './policy.ts';

// decide() turns check results into a decision under a policy; judge() runs
// every check. Results here are made up, so that each rule is seen alone.

const fail: CheckResult = { verdict: 'fail', score: 1, reason: 'r' };
const pass: CheckResult = { verdict: 'pass', score: 0 };
const failing = (...names: string[]) => Object.fromEntries(names.map((n) => [n, fail]));
const decide = (checks: Record<string, CheckResult>, changes: PolicyChanges = {}) =>
  createGuidelines({ policy: withChanges(defaultPolicy, changes) }).decide(checks);

describe('a decision from check results', () => {
  it('publishes when nothing fails', () => {
    assert.deepEqual(decide(Object.fromEntries(RULES.map((n) => [n, pass]))), {
      decision: 'publish',
      reasons: [],
      nudge: false,
      policyVersion: 'default-4',
    });
  });

  it('takes the strongest decision: refuse over hold over publish, whatever the order', () => {
    assert.equal(decide(failing('suspect')).decision, 'hold');
    assert.equal(decide(failing('suspect', 'english')).decision, 'refuse');
    assert.equal(decide(failing('trust', 'length')).decision, 'refuse');
    assert.equal(decide(failing('english'), { rules: { english: { decision: 'publish' } } }).decision, 'publish');
    assert.equal(decide(failing('english', 'spam'), { rules: { english: { decision: 'publish' } } }).decision, 'hold');
  });

  it("gives every failed rule's message, in the checks' order, and none for a rule that publishes", () => {
    const r = decide(failing('trust', 'spam', 'english', 'length'), { rules: { spam: { decision: 'publish' } } });
    assert.deepEqual(
      r.reasons.map((x) => x.rule),
      ['length', 'english', 'trust'],
    );
    assert.equal(r.reasons[1]!.message, defaultPolicy.rules.english.message);
  });

  it("tells the author the site's message, not the check's reason", () => {
    const r = decide(failing('english'), { rules: { english: { message: 'English only here.' } } });
    assert.deepEqual(r.reasons, [{ rule: 'english', message: 'English only here.' }]);
  });

  it('nudges only when every refusing rule lets the author revise', () => {
    assert.equal(decide(failing('english', 'sentences')).nudge, true);
    assert.equal(decide(failing('english', 'banned')).nudge, false);
    // a hold beside a fixable refusal: still a nudge
    assert.equal(decide(failing('english', 'suspect')).nudge, true);
    // holding is never a nudge, even when the rule says it may be revised
    assert.equal(decide(failing('spam'), { rules: { spam: { nudge: true } } }).nudge, false);
    // a rule that holds does not spoil the nudge of one that refuses, even without a nudge of its own
    assert.equal(decide(failing('english', 'spam')).nudge, true);
  });

  it('ignores results of checks it does not have, such as the retired closed check', () => {
    assert.equal(decide({ closed: fail }).decision, 'publish');
    assert.deepEqual(decide({ closed: fail, english: fail }).reasons, [
      { rule: 'english', message: defaultPolicy.rules.english.message },
    ]);
  });

  it("names the policy's version", () => {
    assert.equal(decide({}, { version: 'demo-4' }).policyVersion, 'demo-4');
  });
});

describe('judging a text', () => {
  const { judge } = createGuidelines();

  it('runs every check, in order, even after one has failed', () => {
    const r = judge('lol');
    assert.deepEqual(
      Object.keys(r.checks),
      PHASES.map((p) => p.name),
    );
    assert.equal(r.checks.sentences!.verdict, 'fail');
    assert.equal(r.decision, 'refuse');
    assert.equal(r.nudge, true);
  });

  it('stores every result, passed or failed, with its verdict first, as the queue filter reads it', () => {
    const context = {
      now: new Date('2026-06-15T00:00:00Z'),
      author: { accountAgeDays: 1, publishedCount: 0, trusted: false, sanctionedAt: '2026-06-14T00:00:00Z' },
    };
    const failedSomewhere = new Set<string>();
    for (const text of [
      'I agree with the minister on this.',
      'See https://a.example https://b.example https://c.example https://d.example for proof.',
      'lol',
      '!',
      'yeh sarkar kuch nahi karegi, sab log jaante hain',
      'You are an idiot and everyone here knows it.',
    ]) {
      const r = createGuidelines({
        policy: withChanges(defaultPolicy, { words: { banned: ['idiot'], suspect: ['minister'] } }),
      }).judge(text, context);
      const stored = JSON.stringify(r);
      for (const name of RULES) assert.match(stored, new RegExp(`"${name}":\\{"verdict":"(pass|fail)","score":`), text);
      for (const [name, c] of Object.entries(r.checks)) if (c.verdict === 'fail') failedSomewhere.add(name);
    }
    // every check was seen failing, so that both of its answers were read
    assert.deepEqual([...failedSomewhere].sort(), [...RULES].sort());
  });

  it("keeps a check's extra data beside its verdict", () => {
    const r = judge('See https://a.example https://b.example https://c.example https://d.example for proof.');
    assert.ok((r.checks.spam as CheckResult & { signals: string[] }).signals.includes('4 links (the limit is 3)'));
    assert.equal((r.checks.english as CheckResult & { language: string }).language, 'en');
  });

  it("reads the author's context: held when the trust check fails", () => {
    const now = new Date('2026-06-15T00:00:00Z');
    const author = { accountAgeDays: 1, publishedCount: 0, trusted: false, sanctionedAt: '2026-06-14T00:00:00Z' };
    const r = judge('I agree with the minister on this.', { now, author });
    assert.equal(r.decision, 'hold');
    assert.deepEqual(
      r.reasons.map((x) => x.rule),
      ['trust'],
    );
  });

  it('applies its own policy', () => {
    const strict = createGuidelines({ policy: withChanges(defaultPolicy, { words: { banned: ['minister'] } }) });
    assert.equal(strict.judge('I agree with the minister on this.').decision, 'refuse');
    assert.equal(judge('I agree with the minister on this.').decision, 'publish');
  });
});
