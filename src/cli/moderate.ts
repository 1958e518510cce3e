import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { createGuidelines, type Policy } from '../moderation/guidelines.ts';

/**
 * parley moderate: JSON lines {"id", "text"} on standard input, one JSON line
 * per input on standard output, in order. Streams, so a file of any length
 * runs in flat memory; a malformed line becomes an error line with its number
 * and the rest goes on. No database is needed.
 */
export async function moderateCommand(options: { policyFile?: string | undefined; banned?: string[]; suspect?: string[] }, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<number> {
  let policy: Policy | undefined;
  let banned = options.banned ?? [];
  let suspect = options.suspect ?? [];
  if (options.policyFile) {
    const file = JSON.parse(readFileSync(options.policyFile, 'utf8')) as Partial<Policy> & { banned?: string[]; suspect?: string[] };
    if (file.rules) policy = { version: file.version ?? 'file', rules: file.rules };
    banned = file.banned ?? banned;
    suspect = file.suspect ?? suspect;
  }
  const { judge } = createGuidelines({ ...(policy ? { policy } : {}), banned, suspect });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let errors = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const item = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof item !== 'object' || item === null || typeof item.text !== 'string') throw new Error('expected an object with a "text" string');
      const r = judge(item.text);
      out = { id: item.id ?? null, decision: r.decision, checks: r.checks, reasons: r.reasons.map((x) => x.message), nudge: r.nudge, policy: r.policyVersion };
    } catch (err) {
      errors++;
      out = { line: n, error: (err as Error).message };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
  return errors > 0 ? 65 : 0; // EX_DATAERR when any line was malformed
}
