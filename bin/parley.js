#!/usr/bin/env node
// The `parley` command. Node 24 runs the TypeScript sources directly.
import { spawnSync } from 'node:child_process';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Parley needs Node.js 24 or newer; this is ${process.version}.`);
  process.exit(1);
}
// Imports read millions of short-lived strings. On a machine with much memory
// V8 lets its heap grow far past what an import keeps alive (which is small
// and flat: a batch and a bounded cache), collecting late; small heap limits
// make it collect early, at little cost in speed (measured in bench:import).
// The flags must be given at start, so the command runs itself again with them.
const IMPORT_HEAP = ['--max-semi-space-size=8', '--max-old-space-size=128'];
if (process.argv[2] === 'import' && !process.execArgv.includes(IMPORT_HEAP[0])) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...IMPORT_HEAP, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
