import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFormatError } from './items.ts';

// Streaming XML for exports of any size: the file is read in chunks, characters
// XML forbids (which real exports contain: control characters from pasted
// text) are dropped and counted, and saxes reports elements as they close.
// Memory stays flat: only the element being read is held.

// Allowed: tab, line feed, carriage return, and from space up, except lone surrogates and U+FFFE/U+FFFF.
const INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

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
): AsyncGenerator<T> {
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
  parser.on('opentag', (tag: SaxesTagPlain) => {
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
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
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
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  }
  parser.close();
  if (failure) throw failure;
  while (out.length) yield out.shift()!;
}
