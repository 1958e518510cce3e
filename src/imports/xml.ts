import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFormatError } from './items.ts';

// Streaming XML for exports of any size: the file is read in chunks, characters
// XML forbids (which real exports contain: control characters from pasted
// text) are dropped and counted, and saxes reports elements as they close.
// Memory stays flat: only the element being read is held.

// Allowed: tab, line feed, carriage return, and from space up, except lone surrogates and U+FFFE/U+FFFF.
const INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Exports nest a few elements deep; a file nested deeper is refused before it fills the memory. */
export const MAX_XML_DEPTH = 200;
/** The text of one element (a comment's body) at most. */
export const MAX_XML_TEXT = 16 * 1024 * 1024;

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** text of the element itself (character data and CDATA) */
  text: string;
  /** the path of element names from the root, this one last */
  path: string[];
  line: number;
}

export interface XmlStats {
  invalidCharacters: number;
}

/**
 * Calls `onOpen` and `onClose` for every element (with its own text on close),
 * in document order; yields to the caller's async work between chunks through
 * the returned async iterator of whatever the handlers push.
 */
export async function* readXml<T>(
  stream: Readable,
  handlers: { open?: (e: XmlElement, out: T[]) => void; close: (e: XmlElement, out: T[]) => void },
  stats: XmlStats,
  limits: { depth?: number; text?: number } = {},
): AsyncGenerator<T> {
  const maxDepth = limits.depth ?? MAX_XML_DEPTH;
  const maxText = limits.text ?? MAX_XML_TEXT;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  const out: T[] = [];
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= new ImportFormatError(
      `malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`,
      `line ${parser.line}, column ${parser.column}`,
    );
  });
  // saxes holds text until the next markup: count what it holds, so that a
  // file of one huge text stops at the limit instead of filling the memory.
  let sinceEvent = 0;
  const stop = (message: string) => {
    failure ??= new ImportFormatError(message, `line ${parser.line}, column ${parser.column}`);
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    if (failure) return;
    if (stack.length >= maxDepth) return stop(`elements nested deeper than ${maxDepth}`);
    const e: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: '',
      path: [...(stack.at(-1)?.path ?? []), tag.name],
      line: parser.line,
    };
    stack.push(e);
    handlers.open?.(e, out);
  });
  const addText = (t: string) => {
    const top = stack.at(-1);
    if (!top || failure) return;
    if (top.text.length + t.length > maxText)
      return stop(`the text of <${top.name}> is longer than ${Math.round(maxText / 1024 / 1024)} MiB`);
    top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    sinceEvent = 0;
    if (failure) return;
    const e = stack.pop();
    if (e) handlers.close(e, out);
  });
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    const clean = chunk.replace(INVALID, () => {
      stats.invalidCharacters++;
      return '';
    });
    parser.write(clean);
    sinceEvent += clean.length;
    if (sinceEvent > maxText)
      stop(
        `the text of <${stack.at(-1)?.name ?? 'the document'}> is longer than ${Math.round(maxText / 1024 / 1024)} MiB`,
      );
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  }
  parser.close();
  if (failure) throw failure;
  while (out.length) yield out.shift()!;
}
