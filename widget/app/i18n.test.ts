import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setLanguage, t, tn } from './i18n.ts';

afterEach(() => setLanguage('en'));

describe("the widget's words", () => {
  it('speaks English by default and fills in the blanks', () => {
    assert.equal(t('postComment'), 'Post comment');
    assert.equal(t('yourCommentAs', { name: 'Asha Rao' }), 'Your comment, as Asha Rao');
    assert.equal(t('charactersLeft', { n: 0 }), '0 characters left');
    assert.equal(t('charactersLeft', { n: -3 }), '-3 characters left');
  });

  it('leaves a blank empty when nothing fills it, and keeps text that only looks like one', () => {
    assert.equal(t('yourCommentAs'), 'Your comment, as ');
    assert.equal(t('yourCommentAs', { name: '{n}' }), 'Your comment, as {n}');
  });

  it('picks the language of a BCP 47 tag, whatever its region or case', () => {
    for (const tag of ['hi', 'hi-IN', 'HI-in']) {
      setLanguage(tag);
      assert.equal(t('logInToComment'), 'टिप्पणी करने के लिए लॉग इन करें', tag);
    }
  });

  it('falls back to English for a language it does not have, or a word a language lacks', () => {
    setLanguage('fr-FR');
    assert.equal(t('noComments'), 'No comments yet. Be the first.');
    setLanguage('');
    assert.equal(t('noComments'), 'No comments yet. Be the first.');
    setLanguage('hi');
    // the Hindi catalogue has no word for these yet
    assert.equal(t('noFeatured'), 'No featured comments yet.');
    assert.equal(t('sortComments'), 'Sort comments');
  });

  it('says one or many', () => {
    assert.equal(tn(1, 'oneComment', 'nComments'), '1 comment');
    assert.equal(tn(0, 'oneComment', 'nComments'), '0 comments');
    assert.equal(tn(24, 'oneComment', 'nComments'), '24 comments');
    assert.equal(tn(1, 'oneNew', 'nNew'), '1 new comment');
    assert.equal(tn(3, 'oneNew', 'nNew'), '3 new comments');
    assert.equal(tn(1, 'showMoreReply', 'showMoreReplies'), 'Show 1 more reply');
    assert.equal(tn(7, 'showMoreReply', 'showMoreReplies'), 'Show 7 more replies');
    assert.equal(tn(1, 'oneCharacterLeft', 'charactersLeft'), '1 character left');
    assert.equal(tn(2, 'oneCharacterLeft', 'charactersLeft'), '2 characters left');
    setLanguage('hi');
    assert.equal(tn(2, 'oneComment', 'nComments'), '2 टिप्पणियाँ');
  });
});
