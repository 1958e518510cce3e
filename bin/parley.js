#!/usr/bin/env node
// The `parley` command. Node 24 runs the TypeScript sources directly.
import { spawnSync } from 'node:child_process';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Parley needs Node.js 24 or newer; this is ${process.version}.`);
  process.exit(1);
}
// Imports read millions of short-lived strings. On a machine with much memory
// V8 sizes its young generation to match (over 100 MB); a small one keeps an
// import's memory flat and low at little cost in speed. The flag must be given
// at start, so the command runs itself again with it.
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=8';
if (process.argv[2] === 'import' && !process.execArgv.includes(SMALL_YOUNG_GENERATION)) {
  const child = spawnSync(process.execPath, [...process.execArgv, SMALL_YOUNG_GENERATION, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
