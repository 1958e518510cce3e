import type { Classifier } from '../models.ts';
import type { CheckResult } from '../pipeline.ts';
import type { PreparedText } from '../prepared.ts';
import { insultWords, namesTarget } from './insults.ts';

/** Probability from a linear model over the shared abuse features, length-normalised as in training. */
export function classify(model: Classifier, features: number[]): number {
  let z = 0;
  for (const b of features) z += model.weights[b]!;
  z = model.bias + z / Math.sqrt(Math.max(1, features.length));
  return 1 / (1 + Math.exp(-z));
}

/** From this score the classifier alone decides, without the evidence of insulting words. */
export const CERTAIN = 0.9;

export interface ClassifierResult extends CheckResult {
  /** the insulting words found, if any */
  evidence?: string[];
}

/**
 * A check that fails from a threshold (the model's own, chosen on the dev
 * split, unless the site sets one) when the text also carries insulting words
 * (and, for personal attacks, a target), or from CERTAIN on the score alone.
 */
export function createClassifierCheck(
  model: Classifier,
  reason: string,
  options: { threshold?: number | undefined; needsTarget: boolean },
) {
  const threshold = options.threshold ?? model.threshold;
  return function check(prepared: PreparedText): ClassifierResult {
    const features = prepared.abuseFeatures();
    // Too little text to judge (an emoji, a number): pass.
    if (features.length === 0) return { verdict: 'pass', score: 0 };
    const score = Math.round(classify(model, features) * 1000) / 1000;
    if (score < threshold) return { verdict: 'pass', score };
    const evidence = insultWords(prepared.text);
    const targeted = !options.needsTarget || namesTarget(prepared.text);
    if (targeted && (evidence.length > 0 || score >= CERTAIN)) return { verdict: 'fail', score, reason, evidence };
    return { verdict: 'pass', score, evidence };
  };
}
