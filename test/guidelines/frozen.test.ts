import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeFrozenSets } from '../../bench/guidelines/frozen.ts';

// The frozen sets of test/fixtures/guidelines/ posted through the real posting
// path: the floors below are the figures of issue #14's close with a little
// room (bench:moderation prints the exact ones). Readers first: a clean
// comment refused is the worst failure, so its ceiling is the tightest.

describe('the guidelines on the frozen sets', async () => {
  const f = await judgeFrozenSets();
  const share = (k: number, n: number) => k / n;

  it('publishes clean reader comments: at most 1% refused and 2% refused or held', () => {
    assert.ok(share(f.clean.refused.length, f.clean.n) <= 0.01, f.clean.refused.map((c) => c.text).join('\n'));
    assert.ok(share(f.clean.refused.length + f.clean.held.length, f.clean.n) <= 0.02);
  });

  it('never refuses the civil twin of an attack', () => {
    assert.deepEqual(
      f.wronglyRefusedTwins.map((t) => t.text),
      [],
    );
  });

  it('stops most spam (held or refused) and refuses or holds half the attacks', () => {
    assert.ok(share(f.spam.held + f.spam.refused, f.spam.n) >= 0.85, `spam published: ${f.spam.published.length}`);
    const attacks = f.contrast.attack;
    assert.ok(share(attacks.refused + attacks.held, attacks.n) >= 0.45, JSON.stringify(attacks));
    const abuse = f.contrast.abuse;
    assert.ok(share(abuse.refused + abuse.held, abuse.n) >= 0.4, JSON.stringify(abuse));
  });
});
