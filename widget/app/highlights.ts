// The words the guidelines flagged, marked in the composer while the author
// revises. The server says which words (and why); as the author types, every
// place those words still stand is marked, and a mark goes when the word does.

export interface Highlight {
  start: number;
  end: number;
  rule: string;
  type?: string;
  text: string;
}

export interface Segment {
  text: string;
  /** the rule the words broke, when they are marked */
  rule?: string;
  type?: string;
}

/** The highlights of a refusal's details, if it has any. */
export function highlightsOf(details: unknown): Highlight[] {
  const list = (details as { highlights?: unknown } | undefined)?.highlights;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (h): h is Highlight =>
      typeof h === 'object' &&
      h !== null &&
      typeof h.text === 'string' &&
      h.text.trim() !== '' &&
      typeof h.rule === 'string',
  );
}

/** Every place in the text where a flagged word still stands (case aside), first flag first, no overlaps. */
export function marksIn(text: string, flagged: Highlight[]): Omit<Highlight, 'text'>[] {
  const lower = text.toLowerCase();
  const found: Omit<Highlight, 'text'>[] = [];
  for (const h of flagged) {
    const word = h.text.toLowerCase();
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (found.some((f) => f.start < end && at < f.end)) continue;
      found.push({ start: at, end, rule: h.rule, ...(h.type ? { type: h.type } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text cut into plain and marked pieces, for the layer behind the text box. */
export function segments(text: string, marks: Omit<Highlight, 'text'>[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), rule: m.rule, ...(m.type ? { type: m.type } : {}) });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  // a final newline needs something after it to take up its line, as it does in the text box
  if (text.endsWith('\n')) out.push({ text: ' ' });
  return out;
}

/** The flagged words, once each, for the message the author reads (and screen readers speak). */
export function flaggedWords(flagged: Highlight[]): string[] {
  return [...new Set(flagged.map((h) => h.text))];
}
