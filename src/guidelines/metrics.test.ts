import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestThreshold, calibrationError, confusion, macroF1, precisionRecallF1, rocAuc } from './metrics.ts';

test('precision, recall and macro-F1 from a confusion matrix', () => {
  const c = confusion([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], 0.5);
  assert.deepEqual(c, { tp: 1, fp: 1, fn: 1, tn: 1 });
  assert.deepEqual(precisionRecallF1(c), { precision: 0.5, recall: 0.5, f1: 0.5 });
  assert.equal(macroF1(c), 0.5);
});

test('ROC-AUC: perfect ranking is 1, reversed 0, ties count half', () => {
  assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]), 1);
  assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]), 0);
  assert.equal(rocAuc([0.5, 0.5], [1, 0]), 0.5);
  assert.equal(rocAuc([0.9, 0.3, 0.5, 0.1], [1, 1, 0, 0]), 0.75);
});

test('the best threshold separates the classes', () => {
  const { threshold, macroF1: f } = bestThreshold([0.9, 0.7, 0.4, 0.2], [1, 1, 0, 0]);
  assert.ok(threshold > 0.4 && threshold <= 0.7);
  assert.equal(f, 1);
});

test('calibration error: nothing for probabilities that match the rates, the gap when they do not', () => {
  assert.equal(calibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]), 0);
  assert.ok(Math.abs(calibrationError([0.95, 0.95], [0, 0]) - 0.95) < 1e-9);
});

test('best threshold on a finer grid when asked', () => {
  const { threshold } = bestThreshold([0.63, 0.61, 0.6, 0.2], [1, 1, 0, 0], { from: 0.05, to: 0.95, step: 0.01 });
  assert.equal(threshold, 0.61);
});
