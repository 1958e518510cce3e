import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decisionOf, type ModerationResult } from '../guidelines/pipeline.ts';
import { AppError } from '../shared/errors.ts';
import {
  characters,
  checkEditedBody,
  checkEditWindow,
  checkNewBody,
  closedReason,
  decodeCursor,
  encodeCursor,
  newCommentStatus,
  normaliseBody,
} from './rules.ts';
import { type CommentSettings, defaultCommentSettings, type Story } from './stories.repository.ts';

const settings = (changes: Partial<CommentSettings> = {}): CommentSettings => ({
  ...defaultCommentSettings('demo'),
  ...changes,
});
const story = (changes: Partial<Story> = {}): Story => ({
  id: 's1',
  siteId: 'demo',
  key: 'article:a1',
  articleId: 'a1',
  url: 'https://news.test/world/a',
  title: 'A story',
  closed: false,
  openedAt: '2026-06-01T00:00:00.000Z',
  commentCount: 0,
  lastCommentAt: null,
  createdAt: '2026-06-01T00:00:00.000Z',
  ...changes,
});
const at = (iso: string) => new Date(iso);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof AppError);
    return { code: err.code, message: err.message, details: err.details };
  }
  assert.fail('expected an error');
};
const result = (changes: Partial<ModerationResult>): ModerationResult => ({
  decision: 'publish',
  reasons: [],
  checks: {},
  nudge: false,
  policyVersion: 'v1',
  ...changes,
});

describe('closing rules', () => {
  it('leaves a fresh story open', () => {
    assert.equal(closedReason(story(), settings(), at('2026-06-02T00:00:00Z')), null);
  });

  it('closes every story while the site is closed, with the site message if there is one', () => {
    assert.equal(
      closedReason(story(), settings({ allClosed: true }), at('2026-06-02T00:00:00Z')),
      'Comments are closed across the site for now.',
    );
    assert.equal(
      closedReason(
        story(),
        settings({ allClosed: true, closedMessage: 'Back on Monday.' }),
        at('2026-06-02T00:00:00Z'),
      ),
      'Back on Monday.',
    );
  });

  it('closes a story staff closed', () => {
    assert.equal(
      closedReason(story({ closed: true }), settings(), at('2026-06-02T00:00:00Z')),
      'Comments are closed on this story.',
    );
  });

  it('closes a story auto-close days after it opened, and not a moment before', () => {
    const s = settings({ autoCloseDays: 3 });
    assert.equal(closedReason(story(), s, at('2026-06-04T00:00:00.000Z')), null);
    assert.equal(closedReason(story(), s, at('2026-06-04T00:00:00.001Z')), 'Comments close 3 days after publication.');
  });
});

describe('comment bodies', () => {
  it('normalises line breaks and surrounding space', () => {
    assert.equal(normaliseBody('  one\r\ntwo\rthree \n'), 'one\ntwo\nthree');
  });

  it('counts characters as readers do: an emoji is one', () => {
    assert.equal(characters('👍🏽'.slice(0, 2)), 1);
    assert.equal(characters('héllo'), 5);
  });

  it('refuses an empty new comment and one over the site limit, saying how long it is', () => {
    assert.equal(codeOf(() => checkNewBody(' \r\n ', settings())).code, 'COMMENT_EMPTY');
    const long = codeOf(() => checkNewBody('é'.repeat(11), settings({ maxLength: 10 })));
    assert.equal(long.code, 'COMMENT_TOO_LONG');
    assert.equal(long.message, 'Comments can be up to 10 characters; this one has 11.');
    assert.deepEqual(long.details, { maxLength: 10 });
    assert.equal(checkNewBody(' 🙂'.repeat(5), settings({ maxLength: 10 })), '🙂 🙂 🙂 🙂 🙂');
  });

  it('refuses an empty or too long edit', () => {
    assert.equal(codeOf(() => checkEditedBody('', settings())).code, 'COMMENT_EMPTY');
    const long = codeOf(() => checkEditedBody('x'.repeat(11), settings({ maxLength: 10 })));
    assert.equal(long.code, 'COMMENT_TOO_LONG');
    assert.equal(long.message, 'Comments can be up to 10 characters.');
  });
});

describe('the edit window', () => {
  const comment = { createdAt: '2026-06-15T06:00:00.000Z' };
  it('is open until the window has passed, to the millisecond', () => {
    checkEditWindow(comment, settings({ editWindowSeconds: 600 }), at('2026-06-15T06:10:00.000Z'));
    const closed = codeOf(() =>
      checkEditWindow(comment, settings({ editWindowSeconds: 600 }), at('2026-06-15T06:10:00.001Z')),
    );
    assert.equal(closed.code, 'EDIT_WINDOW_CLOSED');
    assert.equal(closed.message, 'Comments can be edited for 10 minutes after posting.');
  });
});

describe("what the guidelines' decision makes of a new comment", () => {
  const typed = { plain: 'SO LOUD', source: 'SO LOUD' };

  it('publishes what passes', () => {
    assert.deepEqual(newCommentStatus(result({}), false, typed), {
      decision: 'publish',
      status: 'published',
      reason: null,
    });
  });

  it('holds with the reasons, or a default', () => {
    assert.deepEqual(newCommentStatus(result({ decision: 'hold' }), false, typed), {
      decision: 'hold',
      status: 'pending',
      reason: 'Waiting for a moderator.',
    });
    const held = newCommentStatus(
      result({
        decision: 'hold',
        reasons: [
          { rule: 'a', message: 'First.' },
          { rule: 'b', message: 'Second.' },
        ],
      }),
      false,
      typed,
    );
    assert.equal(held.reason, 'First. Second.');
  });

  it('rejects a refusal that cannot be fixed, even sent anyway', () => {
    assert.deepEqual(newCommentStatus(result({ decision: 'refuse' }), true, typed), {
      decision: 'refuse',
      status: 'rejected',
      reason: 'Not published.',
    });
  });

  it('asks the author first about a fixable refusal, and holds it when they send it anyway', () => {
    const nudge = result({ decision: 'refuse', nudge: true, reasons: [{ rule: 'caps', message: 'Less shouting.' }] });
    const asked = codeOf(() => newCommentStatus(nudge, false, typed));
    assert.equal(asked.code, 'COMMENT_REFUSED');
    assert.equal(asked.message, 'Less shouting.');
    assert.equal((asked.details as { nudge: boolean }).nudge, true);
    assert.deepEqual((asked.details as { highlights: unknown[] }).highlights, []);
    assert.deepEqual(newCommentStatus(nudge, true, typed), {
      decision: 'hold',
      status: 'pending',
      reason: 'Less shouting.',
    });
  });

  it('gives back the decision a stored comment stands for', () => {
    assert.equal(decisionOf('published'), 'publish');
    assert.equal(decisionOf('pending'), 'hold');
    assert.equal(decisionOf('rejected'), 'refuse');
    assert.equal(decisionOf('deleted'), 'refuse');
  });
});

describe('cursors', () => {
  it('round-trips what it encodes, and nothing is no cursor', () => {
    const c = ['2026-06-15T06:30:00.000Z', 3, 'c_1'];
    assert.deepEqual(decodeCursor(encodeCursor(c)), c);
    assert.equal(decodeCursor(undefined), undefined);
    assert.equal(decodeCursor(''), undefined);
  });

  it('refuses anything else with a 400', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const raw of ['not-json', b64({ a: 1 }), b64([1, 2, 3, 4, 5]), b64([true]), b64([null])]) {
      const e = codeOf(() => decodeCursor(raw));
      assert.equal(e.code, 'VALIDATION_FAILED', raw);
    }
  });
});
