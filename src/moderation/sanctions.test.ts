import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { User } from '../accounts/users.repository.ts';
import type { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import {
  checkSanction,
  type Sanction,
  sanctionAfter,
  sanctionChanges,
  sanctionMail,
  sanctionState,
} from './sanctions.ts';

const at = '2026-06-15T06:30:00.000Z';
const user = (o: Partial<User> = {}) =>
  ({
    id: 'u1',
    role: 'reader',
    status: 'active',
    sanctionUntil: null,
    sanctionReason: null,
    warning: null,
    ...o,
  }) as User;
const mod = user({ id: 'm1', role: 'moderator' });
const admin = user({ id: 'a1', role: 'admin' });
const site = { name: 'The Island Times', baseUrl: 'https://news.test' } as Site;
const problem = (u: User, actor: User, s: Sanction) => {
  try {
    checkSanction(u, actor, s, at);
  } catch (err) {
    return `${(err as AppError).code}: ${(err as AppError).message}`;
  }
  return undefined;
};

describe('who may sanction whom, and how', () => {
  it('lets moderators sanction readers, and only admins sanction staff; nobody themselves', () => {
    assert.equal(problem(user(), mod, { kind: 'warn', reason: 'Rude.' }), undefined);
    assert.equal(
      problem(mod, mod, { kind: 'warn', reason: 'Rude.' }),
      'SANCTION_INVALID: You cannot sanction yourself.',
    );
    assert.equal(
      problem(user({ role: 'editor' }), mod, { kind: 'ban', reason: 'x' }),
      'SANCTION_INVALID: Only an admin can sanction staff.',
    );
    assert.equal(problem(user({ role: 'editor' }), admin, { kind: 'ban', reason: 'x' }), undefined);
  });

  it('needs a reason, but not to lift', () => {
    assert.equal(
      problem(user(), mod, { kind: 'ban', reason: '   ' }),
      'SANCTION_INVALID: Give the reason: the reader is told.',
    );
    assert.equal(problem(user(), mod, { kind: 'lift', reason: '' }), undefined);
    assert.equal(checkSanction(user(), mod, { kind: 'warn', reason: ` ${'x'.repeat(600)} ` }, at).length, 500);
  });

  it('suspends only until a time in the future', () => {
    const future = '2026-06-20T00:00:00.000Z';
    assert.equal(problem(user(), mod, { kind: 'suspend', until: future, reason: 'x' }), undefined);
    for (const until of [undefined, at, '2026-06-01T00:00:00.000Z'])
      assert.equal(
        problem(user(), mod, { kind: 'suspend', until, reason: 'x' }),
        'SANCTION_INVALID: A suspension must end in the future.',
      );
  });
});

describe('what each sanction changes', () => {
  const until = '2026-06-20T00:00:00.000Z';
  it('warns (to acknowledge), suspends, bans, or lifts everything', () => {
    assert.deepEqual(sanctionChanges({ kind: 'warn', reason: 'r' }, 'r', at), { warning: 'r', sanctionedAt: at });
    assert.deepEqual(sanctionChanges({ kind: 'suspend', until, reason: 'r' }, 'r', at), {
      status: 'suspended',
      sanctionUntil: until,
      sanctionReason: 'r',
      sanctionedAt: at,
    });
    assert.deepEqual(sanctionChanges({ kind: 'ban', reason: 'r' }, 'r', at), {
      status: 'banned',
      sanctionUntil: null,
      sanctionReason: 'r',
      sanctionedAt: at,
    });
    assert.deepEqual(sanctionChanges({ kind: 'lift', reason: '' }, '', at), {
      status: 'active',
      sanctionUntil: null,
      sanctionReason: null,
      warning: null,
    });
  });

  it('keeps the states before and after in the audit log', () => {
    const suspended = user({ status: 'suspended', sanctionUntil: until, sanctionReason: 'r', warning: 'w' });
    assert.deepEqual(sanctionState(suspended), {
      status: 'suspended',
      sanctionUntil: until,
      sanctionReason: 'r',
      warning: 'w',
    });
    assert.deepEqual(sanctionAfter(user(), { kind: 'suspend', until, reason: 'r' }, 'r', 0), {
      status: 'suspended',
      sanctionUntil: until,
      reason: 'r',
      refusedPending: 0,
    });
    assert.equal(sanctionAfter(user(), { kind: 'ban', reason: 'r' }, 'r', 2).refusedPending, 2);
    assert.equal(sanctionAfter(suspended, { kind: 'warn', reason: 'r' }, 'r', 0).status, 'suspended');
    assert.equal(sanctionAfter(suspended, { kind: 'lift', reason: '' }, '', 0).status, 'active');
  });
});

describe('what the reader is told', () => {
  it('asks a warned reader to acknowledge on their account page', () => {
    const m = sanctionMail(site, { kind: 'warn', reason: 'Rude.' }, 'Rude.')!;
    assert.equal(m.subject, 'The Island Times: a moderator has warned you');
    assert.match(m.text, /^A moderator has warned you\.\n\nWhy: Rude\.\n\nPlease read and acknowledge/);
    assert.match(m.text, /https:\/\/news\.test\/account/);
    assert.match(m.text, /a different moderator will look at your appeal/);
  });
  it('gives the end of a suspension, and says a ban is a ban', () => {
    const s = sanctionMail(site, { kind: 'suspend', until: '2026-06-20T00:00:00.000Z', reason: 'x' }, 'x')!;
    assert.equal(s.subject, 'The Island Times: your account is suspended until 2026-06-20t00:00:00.000z');
    assert.match(s.text, /^Your account is suspended until 2026-06-20T00:00:00.000Z\./);
    assert.doesNotMatch(s.text, /acknowledge/);
    assert.match(
      sanctionMail(site, { kind: 'ban', reason: 'x' }, 'x')!.text,
      /^Your account is banned from commenting\./,
    );
  });
  it('sends nothing when a sanction is lifted', () => {
    assert.equal(sanctionMail(site, { kind: 'lift', reason: '' }, ''), undefined);
  });
});
