#!/usr/bin/env node
// `node bin/with-node24.js COMMAND ARGS...`: runs a command with Node.js 24 first
// on PATH (fetched once when the machine's Node is older). `npm test` uses it.
import { spawnSync } from 'node:child_process';
import { pathWithNode24 } from './node24.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node bin/with-node24.js COMMAND [ARGS...]');
  process.exit(2);
}
let PATH;
try {
  PATH = pathWithNode24();
} catch (err) {
  console.error(`parley: ${err.message}`);
  process.exit(69); // EX_UNAVAILABLE
}
const child = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, PATH },
  shell: process.platform === 'win32',
});
process.exit(child.status ?? 1);
