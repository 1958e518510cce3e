#!/usr/bin/env node
// The `parley` command. Node 24 runs the TypeScript sources directly.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Parley needs Node.js 24 or newer; this is ${process.version}.`);
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
