import type { GuidelinesModel } from './model/analyse.ts';

/**
 * The comment as the checks read it: the plain text, the abuse model the site
 * judges with (the shipped one, or the site's own retrained one), and what
 * checks derive from them, computed at most once per comment however many
 * checks ask (the abusive and personal checks share one analysis). A new
 * derivation needs no change here: `prepared.derive(fn)` remembers `fn(text)`.
 */
export interface PreparedText {
  readonly text: string;
  readonly model: GuidelinesModel;
  derive<T>(fn: (text: string) => T): T;
}

export function prepare(text: string, model: GuidelinesModel): PreparedText {
  const derived = new Map<(text: string) => unknown, unknown>();
  return {
    text,
    model,
    derive<T>(fn: (text: string) => T): T {
      if (derived.has(fn)) return derived.get(fn) as T;
      const value = fn(text);
      derived.set(fn, value);
      return value;
    },
  };
}
