import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setLanguage, t } from './i18n.ts';
import { comment } from './testing.ts';
import type { User } from './types.ts';
import {
  avatar,
  badges,
  charactersLeft,
  commentActions,
  commentClass,
  composerId,
  composerKind,
  composerLabel,
  emptyState,
  idempotencyKey,
  isNudge,
  permalinkBase,
  postingBlock,
  REPORT_REASONS,
  reactionLabel,
  SORTS,
  submitLabel,
} from './view.ts';

afterEach(() => setLanguage('en'));

const NOW = Date.parse('2025-03-01T10:05:00.000Z');
const reader: User = { id: 'u2', displayName: 'Ravi Kumar', role: 'reader', emailVerified: true, email: null };
const moderator: User = { ...reader, role: 'moderator' };
const author = (over: Partial<ReturnType<typeof comment>['author']>) => ({ ...comment('a').author, ...over });

describe('what a comment shows', () => {
  it("labels the story's author, the staff and the badges earned, in that order", () => {
    assert.deepEqual(badges(author({})), []);
    assert.deepEqual(badges(author({ storyAuthor: true, staff: 'editor', badges: ['Subscriber'] })), [
      'Author',
      'Journalist',
      'Subscriber',
    ]);
    assert.deepEqual(badges(author({ staff: 'moderator' })), ['Moderator']);
    assert.deepEqual(badges(author({ staff: 'admin' })), []);
    setLanguage('hi');
    assert.deepEqual(badges(author({ storyAuthor: true })), ['Author']);
  });

  it('marks the author, the permalink and a deleted comment in its class', () => {
    assert.equal(commentClass(comment('a'), false), 'p-comment');
    assert.equal(
      commentClass(comment('a', { deleted: true, author: author({ storyAuthor: true }) }), true),
      'p-comment p-by-author p-highlight p-deleted',
    );
  });

  it('shows the reaction count only when there is one', () => {
    assert.equal(reactionLabel('Respect', 0), 'Respect ');
    assert.equal(reactionLabel('Respect', 3), 'Respect · 3');
  });
});

describe('the composer while sending', () => {
  it('says the comment is on its way until the answer comes', () => {
    assert.equal(submitLabel('new', true), 'Posting…');
    assert.equal(submitLabel('reply', true), 'Posting…');
    assert.equal(submitLabel('edit', true), 'Saving…');
    assert.equal(submitLabel('new', false), 'Post comment');
  });
});

describe('a reader who may not post', () => {
  it('is told so in place of the composer: banned, or suspended until a date to come', () => {
    assert.equal(postingBlock(null, 'UTC', NOW), null);
    assert.equal(postingBlock({ ...reader, status: 'active' }, 'UTC', NOW), null);
    assert.equal(postingBlock(reader, 'UTC', NOW), null);
    assert.equal(
      postingBlock({ ...reader, status: 'banned', sanctionReason: 'spam' }, 'UTC', NOW),
      'Your account is banned from commenting on this site. You can still read the comments. Reason: spam',
    );
    const suspended = { ...reader, status: 'suspended', sanctionUntil: '2025-03-08T10:00:00.000Z' };
    assert.match(
      postingBlock(suspended, 'Asia/Kolkata', NOW)!,
      /suspended from commenting until 8 March 2025 at 15:30/,
    );
    assert.equal(postingBlock(suspended, 'UTC', Date.parse('2025-03-09T00:00:00.000Z')), null);
  });
});

describe('avatars', () => {
  it("are the name's initials on a colour of its own, never a picture from elsewhere", () => {
    assert.equal(avatar('Asha Rao').initials, 'AR');
    assert.equal(avatar('ravi').initials, 'R');
    assert.equal(avatar('Meena S. Iyer').initials, 'MI');
    assert.equal(avatar('  ').initials, '?');
    assert.equal(avatar('अमित शाह').initials, 'अश');
    assert.equal(avatar('Asha Rao').color, avatar('Asha Rao').color);
    assert.notEqual(avatar('Asha Rao').color, avatar('Ravi Kumar').color);
    assert.match(avatar('Asha Rao').color, /^hsl\(\d+ 45% 28%\)$/);
  });
});

describe('the empty thread', () => {
  it('says there are no comments only while none is shown or waiting, and not while loading', () => {
    assert.equal(emptyState('all', false, 0, 0), 'noComments');
    assert.equal(emptyState('featured', false, 0, 0), 'noFeatured');
    assert.equal(emptyState('all', true, 0, 0), null);
    assert.equal(emptyState('all', false, 2, 0), null);
    // the first comment arrived live and waits behind the "1 new comment" button
    assert.equal(emptyState('all', false, 0, 1), null);
  });
});

describe("a reader's actions on a comment", () => {
  it("lets anyone react to, reply to and report another reader's published comment", () => {
    assert.deepEqual(commentActions(comment('a'), null, false, NOW), {
      reactDisabled: false,
      reply: true,
      edit: false,
      delete: false,
      report: true,
      feature: false,
    });
  });

  it('lets the staff feature a published comment, not a reader', () => {
    assert.equal(commentActions(comment('a'), reader, false, NOW).feature, false);
    assert.equal(commentActions(comment('a'), moderator, false, NOW).feature, true);
    assert.equal(commentActions(comment('a', { status: 'pending' }), moderator, false, NOW).feature, false);
  });

  it('lets the writer edit within the edit window and delete at any time, but not react or report', () => {
    const mine = comment('a', { mine: true, editableUntil: '2025-03-01T10:10:00.000Z' });
    assert.deepEqual(commentActions(mine, reader, false, NOW), {
      reactDisabled: true,
      reply: true,
      edit: true,
      delete: true,
      report: false,
      feature: false,
    });
    assert.equal(commentActions(mine, reader, false, Date.parse('2025-03-01T10:10:00.000Z')).edit, false);
    assert.equal(commentActions({ ...mine, editableUntil: null }, reader, false, NOW).edit, false);
  });

  it('gives the reader Edit and Delete on their own comment heard live (as everyone sees it), not Report', () => {
    const heard = comment('a', { author: author({ id: reader.id }), createdAt: '2025-03-01T10:04:00.000Z' });
    const can = commentActions(heard, reader, false, NOW, 900);
    assert.equal(can.edit, true);
    assert.equal(can.delete, true);
    assert.equal(can.report, false);
    assert.equal(can.reactDisabled, true);
    // past the site's edit window: delete only
    assert.equal(commentActions(heard, reader, false, NOW + 900_000, 900).edit, false);
    // someone else's comment stays theirs
    assert.equal(commentActions(heard, { ...reader, id: 'u9' }, false, NOW, 900).report, true);
  });

  it('offers no reply on a closed story, and nothing but delete on a comment not published', () => {
    assert.equal(commentActions(comment('a'), reader, true, NOW).reply, false);
    const held = comment('a', { mine: true, status: 'pending' });
    const can = commentActions(held, reader, false, NOW);
    assert.equal(can.reactDisabled, true);
    assert.equal(can.reply, false);
    assert.equal(can.report, false);
    assert.equal(can.delete, true);
  });
});

describe('the composer', () => {
  it('says what it is for: a new comment, a reply or an edit', () => {
    assert.equal(composerKind(), 'new');
    assert.equal(composerKind(undefined, 'p1'), 'reply');
    assert.equal(composerKind('c1'), 'edit');
    assert.equal(composerLabel('new', 'Asha Rao'), 'Your comment, as Asha Rao');
    assert.equal(composerLabel('reply', 'Asha Rao'), 'Your reply');
    assert.equal(composerLabel('edit', 'Asha Rao'), 'Edit your comment');
    assert.deepEqual(
      ['new', 'reply', 'edit'].map((k) => submitLabel(k as 'new')),
      ['Post comment', 'Reply', 'Save'],
    );
  });

  it('gives each composer on the page its own id', () => {
    assert.equal(composerId(), 'p-text-new');
    assert.equal(composerId('p1'), 'p-text-p1');
    assert.equal(composerId(undefined, 'c1'), 'p-text-c1');
  });

  it('counts characters as the server does: an emoji is one', () => {
    assert.equal(charactersLeft(10, ''), 10);
    assert.equal(charactersLeft(10, 'héllo'), 5);
    assert.equal(charactersLeft(10, '👍🏽👍'), 7);
    assert.equal(charactersLeft(3, 'four'), -1);
  });

  it("offers to send a comment anyway only when the guidelines' refusal is a nudge", () => {
    assert.equal(isNudge({ code: 'COMMENT_REFUSED', details: { nudge: true } }), true);
    assert.equal(isNudge({ code: 'COMMENT_REFUSED', details: { nudge: false } }), false);
    assert.equal(isNudge({ code: 'COMMENT_REFUSED', details: undefined }), false);
    assert.equal(isNudge({ code: 'RATE_LIMITED', details: { nudge: true } }), false);
  });

  it('makes a new idempotency key for each comment', () => {
    assert.equal(idempotencyKey(36 ** 3, 0.5), '1000-i');
    assert.notEqual(idempotencyKey(), idempotencyKey());
  });
});

describe('the rest of the view', () => {
  it("makes a comment's permalink from the page address, whatever its query or fragment", () => {
    assert.equal(permalinkBase('https://news.test/world/talks'), 'https://news.test/world/talks?comment=');
    assert.equal(permalinkBase('https://blog.example/p/7?utm=x#comments'), 'https://blog.example/p/7?comment=');
    assert.equal(permalinkBase(''), '?comment=');
  });

  it('has a word for every sort and every report reason', () => {
    for (const [, key] of [...SORTS, ...REPORT_REASONS]) assert.ok(t(key).length > 0);
    assert.deepEqual(
      SORTS.map(([s]) => s),
      ['newest', 'oldest', 'reactions', 'replies'],
    );
    assert.deepEqual(
      REPORT_REASONS.map(([r]) => r),
      ['abusive', 'personal', 'spam', 'off_topic', 'other'],
    );
  });
});
