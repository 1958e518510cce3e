#!/usr/bin/env node
// The `parley` command. Node 24 runs the TypeScript sources directly; on an
// older Node this script fetches Node 24 once (bin/node24.js) and runs itself
// again with it.
import { node24, rerun } from './node24.js';

// Imports read millions of short-lived strings. On a machine with much memory
// V8 lets its heap grow far past what an import keeps alive (which is small
// and flat: a batch and a bounded cache), collecting late; small heap limits
// make it collect early, at little cost in speed (measured in bench:import).
// The flags must be given at start, so the command runs itself again with them.
const IMPORT_HEAP = ['--max-semi-space-size=8', '--max-old-space-size=128'];
const needsHeapFlags = process.argv[2] === 'import' && !process.execArgv.includes(IMPORT_HEAP[0]);

let node;
try {
  node = node24();
} catch (err) {
  console.error(`parley: ${err.message}`);
  process.exit(69); // EX_UNAVAILABLE
}
if (node !== process.execPath || needsHeapFlags) {
  await rerun(node, needsHeapFlags ? IMPORT_HEAP : []);
} else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
