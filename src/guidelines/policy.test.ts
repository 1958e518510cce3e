import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bannedCheck } from './checks/banned.ts';
import { PHASES } from './phases.ts';
import { defaultPolicy, type Policy, RULES, SECTIONS, withChanges } from './policy.ts';
import { storedPolicy } from './policy-cache.ts';

// A policy as Parley stored it before the checks carried their own settings
// (and while the closed-story check existed), with a few settings changed.
const storedBefore = JSON.parse(
  '{"version":"demo-3","rules":{"length":{"decision":"refuse","nudge":true,"message":"Your comment is too short or too long for this site."},' +
    '"closed":{"decision":"refuse","nudge":false,"message":"Comments are closed on this story."},' +
    '"banned":{"decision":"refuse","nudge":false,"message":"Your comment uses words this site does not publish."},' +
    '"suspect":{"decision":"hold","nudge":false,"message":"A moderator will read your comment before it appears."},' +
    '"english":{"decision":"hold","nudge":false,"message":"English, please."},' +
    '"sentences":{"decision":"refuse","nudge":true,"message":"Comments have to be in full sentences."},' +
    '"abusive":{"decision":"refuse","nudge":true,"message":"Comments cannot be abusive: please take out the insults."},' +
    '"personal":{"decision":"refuse","nudge":true,"message":"Comments cannot be personal: argue with the point, not the person."},' +
    '"spam":{"decision":"hold","nudge":false,"message":"A moderator will read your comment before it appears (it looks like it could be spam)."},' +
    '"trust":{"decision":"hold","nudge":false,"message":"A moderator will read your comment before it appears."}},' +
    '"thresholds":{"abusive":0.7,"personal":null},"words":{"banned":["scoundrel"],"suspect":[]},' +
    '"trust":{"mode":"new","minPublished":5,"minAccountDays":0,"sanctionDays":30},' +
    '"spam":{"maxLinks":1,"floodPerTenMinutes":10},"length":{"minLetters":2}}',
);

describe('the default policy, assembled from the checks', () => {
  it("has every check's rule, in the checks' order, and no other", () => {
    assert.deepEqual(RULES, [
      'length',
      'banned',
      'suspect',
      'english',
      'sentences',
      'abusive',
      'personal',
      'spam',
      'trust',
    ]);
    assert.deepEqual(Object.keys(defaultPolicy.rules), RULES);
    for (const check of PHASES) assert.deepEqual(defaultPolicy.rules[check.name], check.rule);
  });

  it("holds the paper's settings, by section, as the policy stored them before", () => {
    assert.equal(defaultPolicy.version, 'default-4');
    assert.deepEqual([...SECTIONS].sort(), ['bands', 'length', 'spam', 'trust', 'words']);
    assert.deepEqual(defaultPolicy.bands, {
      abusive: { hold: null, refuse: null },
      personal: { hold: null, refuse: null },
      personalAimed: { hold: null, refuse: null },
    });
    assert.deepEqual(defaultPolicy.words, { banned: [], suspect: [] });
    assert.deepEqual(defaultPolicy.trust, { mode: 'off', minPublished: 3, minAccountDays: 0, sanctionDays: 30 });
    assert.deepEqual(defaultPolicy.spam, { maxLinks: 3, floodPerTenMinutes: 10 });
    assert.deepEqual(defaultPolicy.length, { minLetters: 2 });
  });

  it("copies the checks' defaults, so that no policy can change a check's", () => {
    assert.notEqual(defaultPolicy.words.banned, bannedCheck.settings!.words.banned.default);
    assert.notEqual(defaultPolicy.rules.banned, bannedCheck.rule);
  });
});

describe('a change to a policy', () => {
  it('merges objects, replaces lists and keeps what it does not name', () => {
    const base = withChanges(defaultPolicy, { words: { banned: ['a', 'b'], suspect: ['c'] } });
    const p = withChanges(base, { words: { banned: ['d'] }, trust: { mode: 'new' } });
    assert.deepEqual(p.words, { banned: ['d'], suspect: ['c'] });
    assert.deepEqual(p.trust, { ...defaultPolicy.trust, mode: 'new' });
    assert.deepEqual(p.spam, defaultPolicy.spam);
    assert.equal(p.version, 'default-4');
  });

  it('changes a rule field by field, and names its version when told', () => {
    const p = withChanges(defaultPolicy, { version: 'paper-7', rules: { english: { decision: 'hold' } } });
    assert.deepEqual(p.rules.english, { ...defaultPolicy.rules.english, decision: 'hold' });
    assert.deepEqual(p.rules.sentences, defaultPolicy.rules.sentences);
    assert.equal(p.version, 'paper-7');
  });

  it("sets a band back to the model's own with null", () => {
    const p = withChanges(withChanges(defaultPolicy, { bands: { abusive: { hold: 0.4, refuse: 0.9 } } }), {
      bands: { abusive: { hold: null, refuse: 0.9 } },
    });
    assert.deepEqual(p.bands.abusive, { hold: null, refuse: 0.9 });
    assert.deepEqual(p.bands.personal, { hold: null, refuse: null });
  });

  it('leaves out rules and sections no check knows', () => {
    const p = withChanges(defaultPolicy, {
      rules: { closed: { decision: 'hold' } },
      colours: { link: 'red' },
    } as never);
    assert.equal('closed' in p.rules, false);
    assert.equal('colours' in p, false);
    assert.deepEqual(p, defaultPolicy);
  });

  it('does not change the policy it starts from', () => {
    const before = structuredClone(defaultPolicy);
    withChanges(defaultPolicy, { words: { suspect: ['x'] }, rules: { spam: { nudge: true } } });
    assert.deepEqual(defaultPolicy, before);
  });
});

describe('a policy stored before the checks were files', () => {
  it('loads with the same meaning, the retired closed rule left out', () => {
    const p: Policy = storedPolicy('demo', {
      version: 3,
      policy: storedBefore,
      createdBy: 'admin',
      createdAt: '2026-06-01T00:00:00.000Z',
    });
    assert.equal(p.version, 'demo-3');
    assert.deepEqual(Object.keys(p.rules), RULES);
    assert.deepEqual(p.rules.english, { decision: 'hold', nudge: false, message: 'English, please.' });
    // the thresholds of the tweets' models meant nothing on the news-comment model's scale: left out
    assert.equal('thresholds' in p, false);
    assert.deepEqual(p.bands, defaultPolicy.bands);
    assert.deepEqual(p.words, { banned: ['scoundrel'], suspect: [] });
    assert.deepEqual(p.trust, { mode: 'new', minPublished: 5, minAccountDays: 0, sanctionDays: 30 });
    assert.deepEqual(p.spam, { maxLinks: 1, floodPerTenMinutes: 10 });
    assert.deepEqual(p.length, { minLetters: 2 });
  });

  it('gains the default of a setting added since', () => {
    const { length: _, ...withoutLength } = storedBefore;
    const p = storedPolicy('demo', { version: 1, policy: withoutLength, createdBy: null, createdAt: '' });
    assert.deepEqual(p.length, defaultPolicy.length);
  });

  it('is the default policy, under its own name, when the site saved none', () => {
    assert.equal(storedPolicy('demo', undefined), defaultPolicy);
  });
});
