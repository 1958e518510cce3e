import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { englishCheck } from './english.ts';
import { runCheck } from './testing.ts';

// Examples written for Parley; the committed models must load and decide them.
const english = (text: string) => runCheck(englishCheck, text);

describe('the English rule', () => {
  it('passes English comments, short or long', () => {
    for (const text of [
      'I agree with the minister on this.',
      'The fisheries talks have stalled for two years, and the coastal villages are paying for it.',
      'Why did the council not publish the metro cost estimates before the vote?',
      'Thanks for a clear explanation of the quota dispute.',
      'Well written.',
    ]) {
      const r = english(text);
      assert.equal(r.verdict, 'pass', text);
      assert.equal(r.language, 'en', text);
    }
  });

  it('passes names, quoted phrases and English with one Hindi word', () => {
    for (const text of [
      'The minister and Rajesh Kumar said nothing new at the press conference in Kavaratti.',
      'The slogan "sabka saath sabka vikas" sounds good, but where are the results?',
      'This budget is a big jugaad and everyone knows it will not help renters.',
      'The monsoon arrived early this year, which is good news for farmers in Kerala.',
    ]) {
      assert.equal(english(text).verdict, 'pass', text);
    }
  });

  // Known gap, recorded in docs/guidelines.md: the English rule is not yet
  // switched on for posting (issue #5 continues).
  it('passes a sentence that starts with Indian names', () => {
    assert.equal(
      english('Nalini Perera and Rajesh Kumar said nothing new at the press conference in Kavaratti.').verdict,
      'pass',
    );
  });

  it('passes a short comment with one place name, an acronym or a two-word salute', () => {
    for (const text of ['Chennai deserves better.', 'Well done, DRDO. Jai Hind.', 'Guwahati floods again, sadly.'])
      assert.equal(english(text).verdict, 'pass', text);
  });

  it('refuses Indian languages typed in Latin letters', () => {
    for (const text of [
      'yeh sarkar kuch nahi karegi, sab log jaante hain',
      'bhai tum log kab sudhroge, har baar yahi hota hai',
      'mujhe lagta hai ki yeh faisla bilkul galat hai aur isse kisi ka bhala nahi hoga',
    ]) {
      const r = english(text);
      assert.equal(r.verdict, 'fail', text);
      assert.equal(r.language, 'hi-Latn', text);
      assert.ok(r.score >= 0.5 && r.score <= 1, text);
    }
  });

  it('refuses other scripts and other languages', () => {
    const hindi = english('यह सरकार कुछ नहीं करेगी, सब जानते हैं।');
    assert.equal(hindi.verdict, 'fail');
    assert.equal(hindi.language, 'hi');
    assert.equal(english('இந்த அரசு எதுவும் செய்யாது என்று எல்லோருக்கும் தெரியும்.').language, 'ta');
    assert.equal(english('Le gouvernement ne fera rien, tout le monde le sait bien.').verdict, 'fail');
  });

  it('does not judge what is too short to judge', () => {
    assert.equal(english('Shabash!').verdict, 'pass');
    assert.equal(english('Jai Hind').verdict, 'pass');
  });
});

describe('the English check in the policy', () => {
  it('refuses with a nudge by default: the author can write it again in English', () => {
    assert.deepEqual(englishCheck.rule, {
      decision: 'refuse',
      nudge: true,
      message: 'Comments have to be in English.',
    });
    assert.equal(englishCheck.settings, undefined);
  });

  it('reads a few script letters in an English comment as English', () => {
    // two Devanagari letters are under the three needed to call it another script
    assert.equal(english('The word नम is used by everyone in the town, I think.').verdict, 'pass');
  });
});
