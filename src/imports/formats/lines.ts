import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ImportFormatError } from '../items.ts';

/** JSON lines with their numbers; blank lines are skipped; a line that is not JSON stops the import. */
export async function* jsonLines(stream: Readable): AsyncGenerator<{ value: unknown; line: number }> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
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
