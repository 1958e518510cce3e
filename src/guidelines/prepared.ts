import { abuseFeatures } from './abuse-features.ts';

/**
 * The comment as the checks read it: the plain text, and what several checks
 * derive from it, computed at most once (the abusive and personal classifiers
 * share one feature vector).
 */
export interface PreparedText {
  readonly text: string;
  abuseFeatures(): number[];
}

export function prepare(text: string): PreparedText {
  let features: number[] | undefined;
  return {
    text,
    abuseFeatures: () => (features ??= abuseFeatures(text)),
  };
}
