import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { K1 } from '../model/analyse.ts';
import { tokenize } from '../model/tokens.ts';
import { aimedInsult } from './aimed.ts';

// The grammar alone, on a tagger of our own making: every word in INSULTS has
// insult probability 0.9, every other word 0, so what is found depends only on
// who the words are said of.

const INSULTS = new Set(['moron', 'parasite', 'fraud', 'useless', 'stupid', 'troll', 'pathetic']);

function aimed(text: string) {
  const toks = tokenize(text);
  const probs = new Float64Array(toks.length * K1);
  toks.forEach((t, i) => {
    probs[i * K1] = INSULTS.has(t.norm) ? 0.1 : 1;
    probs[i * K1 + 1] = INSULTS.has(t.norm) ? 0.9 : 0;
  });
  const found = aimedInsult(text, toks, probs);
  return found && found.score >= 0.5 ? text.slice(found.start, found.end) : undefined;
}

describe('an insult said of a person', () => {
  it('is found after a person and a copula, after a name, and straight after "you"', () => {
    assert.equal(aimed('The reporter is an ignorant moron who cannot get a date right.'), 'moron');
    assert.equal(aimed('Minister Sudhir Naik is a parasite, everyone knows it.'), 'parasite');
    assert.equal(aimed('Ravi, you are clearly a fraud.'), 'fraud');
    assert.equal(aimed('Shut up, you pathetic little troll.'), 'pathetic');
    assert.equal(aimed('She is such a stupid woman.'), 'stupid');
  });

  it('is not found when the words are said of a thing or of what a person did', () => {
    assert.equal(aimed("The minister's procurement plan is a fraud on farmers."), undefined);
    assert.equal(aimed('This is a useless policy and a stupid law.'), undefined);
    assert.equal(aimed('The budget is a fraud.'), undefined);
  });

  it('stops at the end of the clause and at a negation', () => {
    assert.equal(aimed('The reporter is careful, and the headline is stupid.'), undefined);
    assert.equal(aimed('The reporter who wrote this is not a moron.'), undefined);
    assert.equal(aimed('The reporter is wrong. Stupid headlines sell.'), undefined);
  });
});
