import { Type } from 'typebox';
import { abuseFeatures } from '../abuse-features.ts';
import type { Classifier } from '../models.ts';
import type { CheckResult } from '../pipeline.ts';
import type { PreparedText } from '../prepared.ts';
import { insultWords, namesTarget } from './insults.ts';

// What the abusive and personal checks share: one feature vector per comment
// (prepared.derive computes it once for both) and the rule that a score alone
// is not enough unless it is near certain.

/** A site's threshold for a classifier; null: the model's own, chosen on the dev split. */
export const Threshold = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

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
 * Fails from a threshold (the model's own unless the site sets one) when the
 * text also carries insulting words (and, for personal attacks, a target), or
 * from CERTAIN on the score alone.
 */
export function classifierVerdict(
  model: Classifier,
  prepared: PreparedText,
  reason: string,
  options: { threshold: number | null; needsTarget: boolean },
): ClassifierResult {
  const threshold = options.threshold ?? model.threshold;
  const features = prepared.derive(abuseFeatures);
  // Too little text to judge (an emoji, a number): pass.
  if (features.length === 0) return { verdict: 'pass', score: 0 };
  const score = Math.round(classify(model, features) * 1000) / 1000;
  if (score < threshold) return { verdict: 'pass', score };
  const evidence = insultWords(prepared.text);
  const targeted = !options.needsTarget || namesTarget(prepared.text);
  if (targeted && (evidence.length > 0 || score >= CERTAIN)) return { verdict: 'fail', score, reason, evidence };
  return { verdict: 'pass', score, evidence };
}
