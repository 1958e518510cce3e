// The server half of bench:pages: Parley with the demo site on SQLite, plus
// baseline routes on the same Fastify instance that return fixed HTML strings
// of exactly the size of the pages being measured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { createServices } from '../src/core/services.ts';
import { ensureDemo } from '../src/demo/ensure.ts';
import { buildApp } from '../src/http/app.ts';
import { openStorage } from '../src/storage/database.ts';

const port = Number(process.env.PORT ?? 8091);
const config = loadConfig({
  ...process.env,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), 'parley-bench-')),
});
const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const baselines = new Map<string, string>();
const services = await createServices(config, { storage });
const app = await buildApp(services, {
  extraRoutes: (a) => {
    a.get('/__baseline/:name', async (request, reply) => {
      const body = baselines.get((request.params as { name: string }).name);
      return reply.header('content-type', 'text/html; charset=utf-8').send(body);
    });
  },
});
await ensureDemo(storage, config);
for (const [name, url] of Object.entries({
  article: '/world/island-nations-agree-to-reopen-fisheries-talks',
  front: '/',
})) {
  const res = await app.inject({ url });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  baselines.set(name, 'x'.repeat(Buffer.byteLength(res.body)));
}
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`ready ${JSON.stringify(Object.fromEntries([...baselines].map(([k, v]) => [k, v.length])))}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
