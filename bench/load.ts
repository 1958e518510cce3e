import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

// Shared by the benchmarks: start a server pinned to core 0 and drive it with
// autocannon pinned to core 1, so that the two never share a core.

export interface LoadResult {
  label: string;
  url: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  errors: number;
  non2xx: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export function pinned(core: number, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn('taskset', ['-c', String(core), command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function hasWrk(): boolean {
  try {
    execFileSync('which', ['wrk'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** wrk (C) when installed: it needs far less CPU per request than a Node load generator. */
export const generator = process.env.BENCH_GENERATOR ?? (hasWrk() ? 'wrk' : 'autocannon');

function run(child: ChildProcess): Promise<string> {
  let out = '';
  child.stdout?.on('data', (c) => (out += c));
  return new Promise((resolve) => child.on('exit', () => resolve(out)));
}

function wrkMs(text: string, label: string): number {
  const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(text);
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

export async function load(
  label: string,
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  if (generator === 'wrk') {
    const out = await run(
      pinned(1, 'wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', url]),
    );
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    return {
      label,
      url,
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
      p50: wrkMs(out, '50%'),
      p99: wrkMs(out, '99%'),
      bytes: 0,
      errors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
      non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    };
  }
  const out = await run(
    pinned(1, process.execPath, [
      autocannonBin,
      '--json',
      '-c',
      String(options.connections),
      '-d',
      String(options.seconds),
      url,
    ]),
  );
  const r = JSON.parse(out);
  return {
    label,
    url,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.throughput.average,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Several alternating rounds, summed up as their mean req/s and worst p99. */
export function combine(label: string, runs: LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
  return {
    label,
    url: runs[0]?.url ?? '',
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: Math.max(...runs.map((r) => r.p99)),
    bytes: mean((r) => r.bytes),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
  };
}

export function table(rows: LoadResult[]): string {
  const head = ['what', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'];
  const lines = rows.map((r) => [
    r.label,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    String(r.non2xx),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}
