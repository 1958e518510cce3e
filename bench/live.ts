// bench:live: 5,000 open server-sent-event connections to one live blog (the
// way every reader's page holds one); 100 entries posted, one every 100 ms;
// prints the delay from posting to arrival at every connection (p50, p99,
// max) and the server's memory per connection (resident memory after a full
// collection, with the streams open minus before). The server runs on core
// 0, this load generator on core 1. Goals: p99 under one second, under 50 KB
// a connection. BENCH_CONNECTIONS and BENCH_ENTRIES change the sizes.
import http from 'node:http';
import { pinned, waitForLine } from './load.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100);
const port = 8093;
const server = pinned(0, process.execPath, ['--expose-gc', new URL('./live-server.ts', import.meta.url).pathname], {
  PORT: String(port),
});
const [, , blog] = (await waitForLine(server, /listening (\d+) blog (\S+)/)) as unknown as [string, string, string];
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function request(method: string, path: string, body?: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve(data ? JSON.parse(data) : null));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const before = await request('GET', '/__bench/memory');
const delays: number[] = [];
let received = 0;
const sockets: http.ClientRequest[] = [];
await new Promise<void>((resolve, reject) => {
  let open = 0;
  for (let i = 0; i < CONNECTIONS; i++) {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/live/events?blog=${blog}`, agent: false }, (res) => {
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
          const message = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (!message.startsWith('event: entry')) continue;
          const sent = /sent (\d+)/.exec(message);
          if (sent) {
            delays.push(Date.now() - Number(sent[1]));
            received++;
          }
        }
      });
      if (++open === CONNECTIONS) resolve();
    });
    req.on('error', reject);
    sockets.push(req);
  }
});
const connected = await request('GET', '/__bench/memory');
console.log(`${connected.streams} streams open`);

const t0 = Date.now();
for (let n = 1; n <= ENTRIES; n++) {
  await request('POST', '/__bench/entry', { n });
  await new Promise((r) => setTimeout(r, 100));
}
// Wait for the last deliveries (at most 10 s).
for (let i = 0; i < 100 && received < CONNECTIONS * ENTRIES; i++) await new Promise((r) => setTimeout(r, 100));
const seconds = (Date.now() - t0) / 1000;
delays.sort((a, b) => a - b);
const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? NaN;
console.log(
  `delivered ${received.toLocaleString('en')} of ${(CONNECTIONS * ENTRIES).toLocaleString('en')} entry messages in ${seconds.toFixed(1)} s`,
);
console.log(`delay from posting to arrival: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (goal p99 < 1,000 ms)`);
const perConnection = (connected.rss - before.rss) / connected.streams;
console.log(
  `server memory: ${(before.rss / 1e6).toFixed(0)} MB before, ${(connected.rss / 1e6).toFixed(0)} MB with ${connected.streams} streams: ${(perConnection / 1024).toFixed(1)} KB per connection (goal < 50 KB); heap ${((connected.heapUsed - before.heapUsed) / connected.streams / 1024).toFixed(1)} KB per connection`,
);
for (const s of sockets) s.destroy();
server.kill();
process.exit(0);
