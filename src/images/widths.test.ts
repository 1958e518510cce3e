import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isImageFileName, MAX_WIDTH, widthsFor } from './widths.ts';

describe("an image's widths", () => {
  it('makes the responsive steps below the original, and the original itself', () => {
    assert.deepEqual(widthsFor(1200), [320, 640, 1024, 1200]);
    assert.deepEqual(widthsFor(1600), [320, 640, 1024, 1600]);
  });

  it('never enlarges a small image', () => {
    assert.deepEqual(widthsFor(200), [200]);
    assert.deepEqual(widthsFor(320), [320]);
  });

  it('caps a very large original', () => {
    assert.deepEqual(widthsFor(6000), [320, 640, 1024, 1600, MAX_WIDTH]);
  });
});

describe("an image file's name", () => {
  it('is one the pipeline writes', () => {
    assert.equal(isImageFileName('demo', 'abc123', '640.webp'), true);
    assert.equal(isImageFileName('demo', 'abc123', 'fallback.jpg'), true);
    assert.equal(isImageFileName('demo', 'abc123', 'original.png'), false);
  });

  it('cannot climb out of the store', () => {
    assert.equal(isImageFileName('demo', '..', '640.webp'), false);
    assert.equal(isImageFileName('../etc', 'abc123', '640.webp'), false);
    assert.equal(isImageFileName('demo', 'abc123', '../640.webp'), false);
  });
});
