import type { Readable } from 'node:stream';
import { ImportFormatError } from '../items.ts';

/** No export writes a line this long; a file that has one is not a JSON-lines export (or is damaged). */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * The lines of a stream, each at most `maxBytes` long: a longer one stops the
 * import with its line number and byte offset instead of filling the memory.
 */
export async function* boundedLines(
  stream: Readable,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<{ text: string; line: number }> {
  let parts: Buffer[] = [];
  let held = 0;
  let line = 1;
  let offset = 0; // bytes before the current line
  const tooLong = () =>
    new ImportFormatError(
      `a line longer than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
      `line ${line}, byte ${offset + 1}`,
    );
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      if (held + nl > maxBytes) throw tooLong();
      parts.push(buf.subarray(0, nl));
      const bytes = Buffer.concat(parts);
      yield { text: bytes.toString('utf8').replace(/\r$/, ''), line };
      offset += bytes.length + 1;
      line++;
      parts = [];
      held = 0;
      buf = buf.subarray(nl + 1);
    }
    if (held + buf.length > maxBytes) throw tooLong();
    parts.push(buf);
    held += buf.length;
  }
  if (held > 0) yield { text: Buffer.concat(parts).toString('utf8').replace(/\r$/, ''), line };
}

/** JSON lines with their numbers; blank lines are skipped; a line that is not JSON stops the import. */
export async function* jsonLines(
  stream: Readable,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<{ value: unknown; line: number }> {
  for await (const { text, line } of boundedLines(stream, maxBytes)) {
    if (!text.trim()) continue;
    try {
      yield { value: JSON.parse(text), line };
    } catch (err) {
      throw new ImportFormatError(`malformed JSON: ${(err as Error).message}`, `line ${line}`);
    }
  }
}

export const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
