import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Value } from 'typebox/value';
import { PolicyChangesSchema } from '../guidelines/guidelines.schemas.ts';
import { createGuidelines } from '../guidelines/guidelines.ts';
import { defaultPolicy, type Policy, type PolicyChanges, withChanges } from '../guidelines/policy.ts';

/** A policy file: any subset of the policy's settings (see docs/guidelines.md), over the default policy. */
export function readPolicyFile(path: string): Policy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the policy file ${path}: ${(err as Error).message}`);
  }
  const { version, ...changes } = (parsed ?? {}) as PolicyChanges;
  if (!Value.Check(PolicyChangesSchema, changes)) {
    const problems = [...Value.Errors(PolicyChangesSchema, changes)]
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`the policy file ${path} is not valid: ${problems.join('; ')}`);
  }
  return withChanges(defaultPolicy, { ...changes, version: typeof version === 'string' ? version : 'file' });
}

/**
 * parley moderate: JSON lines {"id", "text"} on standard input, one JSON line
 * per input on standard output, in order. Streams, so a file of any length
 * runs in flat memory; a malformed line becomes an error line with its number
 * and the rest goes on. Without --site no database is needed.
 */
export async function moderateCommand(
  options: { policy?: Policy },
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const { judge } = createGuidelines(options.policy ? { policy: options.policy } : {});
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let errors = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const item = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof item !== 'object' || item === null || typeof item.text !== 'string')
        throw new Error('expected an object with a "text" string');
      const r = judge(item.text);
      out = {
        id: item.id ?? null,
        decision: r.decision,
        checks: r.checks,
        reasons: r.reasons.map((x) => x.message),
        nudge: r.nudge,
        policy: r.policyVersion,
      };
    } catch (err) {
      errors++;
      out = { line: n, error: (err as Error).message };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
  return errors > 0 ? 65 : 0; // EX_DATAERR when any line was malformed
}
