import assert from 'node:assert/strict';
import { it } from 'node:test';
import { shippedGuidelinesModel } from './models.ts';
import { prepare } from './prepared.ts';

const model = shippedGuidelinesModel();

it('derives what checks share once per comment, each derivation apart', () => {
  let words = 0;
  const countWords = (text: string) => {
    words++;
    return text.split(' ').length;
  };
  const shout = (text: string) => text.toUpperCase();
  const p = prepare('one two three', model);
  assert.equal(p.text, 'one two three');
  assert.equal(p.derive(countWords), 3);
  assert.equal(p.derive(countWords), 3);
  assert.equal(words, 1);
  assert.equal(p.derive(shout), 'ONE TWO THREE');
  // another comment derives its own
  assert.equal(prepare('four five', model).derive(countWords), 2);
  assert.equal(words, 2);
});
