// Parley runs on Node.js 24 (TypeScript by type stripping). Many servers still
// have Node.js 20 or 22, so the commands of the README work on those too: this
// module finds a Node.js 24 binary, or fetches the pinned one from the npm
// registry (the same source as every other dependency; no root needed) into the
// user's cache, once. Plain JavaScript: it must run on the older Node itself.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Node.js release Parley is tested on; change it together with .ci/run. */
export const PINNED_NODE = '24.22.3';
const MAJOR = 24;

function major(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** Where a fetched Node.js 24 lives: PARLEY_NODE_HOME, else the user's cache. */
export function nodeHome() {
  if (process.env.PARLEY_NODE_HOME) return process.env.PARLEY_NODE_HOME;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'parley', 'node24');
}

/** The path of a Node.js 24 binary, fetching it when needed; throws with a clear message when it cannot. */
export function node24() {
  if (major(process.versions.node) >= MAJOR) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const home = nodeHome();
  const bin = join(home, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(bin)) return bin;
  process.stderr.write(
    `Parley needs Node.js ${MAJOR}; this is ${process.version}. Fetching Node.js ${PINNED_NODE} from the npm registry into ${home} (once)...\n`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(
      npm,
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        home,
        `${pkg}@${PINNED_NODE}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch (err) {
    throw new Error(
      `could not fetch ${pkg}@${PINNED_NODE} with npm (${err.message}). Install Node.js ${MAJOR} yourself, or set PARLEY_NODE_HOME to a folder holding node_modules/${pkg}.`,
    );
  }
  if (!existsSync(bin)) throw new Error(`npm installed ${pkg}@${PINNED_NODE}, but ${bin} is not there`);
  return bin;
}

/** PATH with Node.js 24's folder first, so that `node` in child processes is Node.js 24 too. */
export function pathWithNode24() {
  const bin = node24();
  const dir = bin.slice(0, bin.lastIndexOf(process.platform === 'win32' ? '\\' : '/'));
  const sep = process.platform === 'win32' ? ';' : ':';
  return `${dir}${sep}${process.env.PATH ?? ''}`;
}

/**
 * Runs this same script again with another Node binary and flags, forwarding
 * signals (a service manager's SIGTERM must reach the server), and exits with
 * its status. Node 20 cannot replace its own process, so it waits as a parent.
 */
export async function rerun(execPath, extraFlags = []) {
  const { spawn } = await import('node:child_process');
  const child = spawn(execPath, [...process.execArgv, ...extraFlags, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => {
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
    child.on('error', (err) => {
      console.error(`parley: could not start ${execPath}: ${err.message}`);
      resolve(1);
    });
  });
  process.exit(code);
}
