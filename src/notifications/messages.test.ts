import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '../sites/sites.repository.ts';
import { digestDue, notificationMail, permalink, recipientsOf, unsubscribeLink } from './messages.ts';
import type { NotificationItem } from './notifications.repository.ts';

const site = { id: 'demo', name: 'The Herald', baseUrl: 'https://news.test//' } as Site;
const item = (changes: Partial<NotificationItem> = {}): NotificationItem => ({
  id: 'n1',
  kind: 'reply',
  actorName: 'Ravi',
  commentId: 'c9',
  storyId: 's1',
  storyTitle: 'Fisheries talks',
  storyUrl: 'https://news.test/world/talks',
  excerpt: 'I agree with you.',
  createdAt: '2026-06-15T06:30:00.000Z',
  read: false,
  ...changes,
});

describe('who hears of a new comment', () => {
  it('tells the author of the published comment it answers, then the followers', () => {
    const r = recipientsOf({ authorId: 'ravi' }, { authorId: 'asha', status: 'published' }, ['kabir', 'asha']);
    assert.deepEqual(
      [...r],
      [
        ['asha', 'reply'],
        ['kabir', 'follow'],
      ],
    );
  });

  it('never tells anyone of their own comment, as author or follower', () => {
    const r = recipientsOf({ authorId: 'asha' }, { authorId: 'asha', status: 'published' }, ['asha']);
    assert.equal(r.size, 0);
  });

  it('does not tell the author of a parent that is not published', () => {
    for (const status of ['pending', 'rejected', 'deleted'])
      assert.equal(recipientsOf({ authorId: 'ravi' }, { authorId: 'asha', status }, []).size, 0, status);
    assert.equal(recipientsOf({ authorId: 'ravi' }, { authorId: null, status: 'published' }, []).size, 0);
    assert.equal(recipientsOf({ authorId: 'ravi' }, undefined, []).size, 0);
  });
});

describe('notification e-mails', () => {
  it('links each item to its comment', () => {
    assert.equal(permalink(item()), 'https://news.test/world/talks?comment=c9#comment-c9');
    assert.equal(unsubscribeLink(site, 'tok'), 'https://news.test/account/unsubscribe?token=tok');
  });

  it('names the author of a single reply or comment in the subject', () => {
    assert.equal(
      notificationMail(site, { displayName: 'Asha' }, [item()], 't').subject,
      'Ravi replied to your comment',
    );
    assert.equal(
      notificationMail(site, { displayName: 'Asha' }, [item({ kind: 'follow' })], 't').subject,
      'Ravi commented on "Fisheries talks"',
    );
  });

  it('counts several, and lists each with its excerpt, link and the ways to stop', () => {
    const mail = notificationMail(
      site,
      { displayName: 'Asha' },
      [item(), item({ id: 'n2', kind: 'follow', actorName: 'Kabir', commentId: 'c10', excerpt: 'Another view.' })],
      'tok',
    );
    assert.equal(mail.subject, '2 new replies and comments on The Herald');
    assert.match(mail.text, /^Hello Asha,/);
    assert.match(
      mail.text,
      /Ravi replied to you on "Fisheries talks":\n {2}I agree with you\.\n {2}\S+comment=c9#comment-c9/,
    );
    assert.match(mail.text, /Kabir commented on "Fisheries talks":\n {2}Another view\./);
    assert.match(mail.text, /Change how often we write: https:\/\/news\.test\/account\n/);
    assert.match(mail.text, /Stop these e-mails: https:\/\/news\.test\/account\/unsubscribe\?token=tok\n$/);
  });
});

describe('digests', () => {
  const now = new Date('2026-06-15T12:00:00.000Z');
  it('are due when never sent', () => {
    assert.equal(digestDue('hourly', null, now), true);
    assert.equal(digestDue('daily', null, now), true);
  });

  it('go out hourly or daily at most', () => {
    assert.equal(digestDue('hourly', '2026-06-15T11:00:00.001Z', now), false);
    assert.equal(digestDue('hourly', '2026-06-15T11:00:00.000Z', now), true);
    assert.equal(digestDue('daily', '2026-06-14T12:00:00.001Z', now), false);
    assert.equal(digestDue('daily', '2026-06-14T12:00:00.000Z', now), true);
  });
});
