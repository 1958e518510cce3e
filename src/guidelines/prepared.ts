/**
 * The comment as the checks read it: the plain text, and what checks derive
 * from it, computed at most once per comment however many checks ask (the
 * abusive and personal classifiers share one feature vector). A new
 * derivation needs no change here: `prepared.derive(fn)` remembers `fn(text)`.
 */
export interface PreparedText {
  readonly text: string;
  derive<T>(fn: (text: string) => T): T;
}

export function prepare(text: string): PreparedText {
  const derived = new Map<(text: string) => unknown, unknown>();
  return {
    text,
    derive<T>(fn: (text: string) => T): T {
      if (derived.has(fn)) return derived.get(fn) as T;
      const value = fn(text);
      derived.set(fn, value);
      return value;
    },
  };
}
