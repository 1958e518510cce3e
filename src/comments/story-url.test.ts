import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseStoryUrl } from './story-url.ts';

describe('story URL normalisation', () => {
  it('gives one key for one page however it was reached', () => {
    const same = [
      'https://www.paper.example/world/story-1/',
      'http://paper.example/world/story-1',
      'https://PAPER.example/world/story-1?utm_source=twitter&utm_medium=social',
      'https://paper.example/world/story-1#comments',
      'https://paper.example/world/story-1?fbclid=abc',
    ];
    for (const u of same) assert.equal(normaliseStoryUrl(u), 'paper.example/world/story-1', u);
  });

  it('keeps what tells pages apart', () => {
    assert.equal(
      normaliseStoryUrl('https://paper.example/article.php?id=7&page=2'),
      'paper.example/article.php?id=7&page=2',
    );
    assert.equal(
      normaliseStoryUrl('https://paper.example/article.php?page=2&id=7'),
      'paper.example/article.php?id=7&page=2',
    );
    assert.equal(normaliseStoryUrl('http://localhost:8080/x'), 'localhost:8080/x');
  });

  it('refuses what is not a web address', () => {
    assert.equal(normaliseStoryUrl('javascript:alert(1)'), undefined);
    assert.equal(normaliseStoryUrl('not a url'), undefined);
  });
});
