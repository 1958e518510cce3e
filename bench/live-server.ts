// The server half of bench:live: the demo site on SQLite, with two bench-only
// routes: post a live entry through the newsroom (as an editor would), and
// report the process's memory after a full garbage collection.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { createServices } from '../src/core/services.ts';
import { ensureDemo } from '../src/demo/ensure.ts';
import { buildApp } from '../src/http/app.ts';
import { migrateToLatest, openStorage } from '../src/storage/database.ts';

const port = Number(process.env.PORT ?? 8093);
const config = loadConfig({
  ...process.env,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), 'parley-live-')),
  DATABASE_URL: '',
});
const storage = await openStorage({ dataDir: config.dataDir });
await migrateToLatest(storage);
let blogId = '';
const services = await createServices(config, { storage });
const app = await buildApp(services, {
  extraRoutes: (a) => {
    a.post('/__bench/entry', { config: { csrf: false } } as never, async (request: { body: unknown }) => {
      const { n } = request.body as { n: number };
      // The post time travels in the headline: each reader measures its own delay.
      const site = (await app.services.sitesRepository.get('demo'))!;
      return app.services.newsroom.postEntry(site, blogId, {
        headline: `Bench entry ${n} sent ${Date.now()}`,
        text: 'A goal, a card, a substitution: the kind of line a live blog carries every minute.',
        keyEvent: false,
      });
    });
    a.get('/__bench/memory', async () => {
      (globalThis as { gc?: () => void }).gc?.();
      return {
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
        streams: app.services.liveHub.count(),
      };
    });
  },
});
await ensureDemo(storage, config);
blogId = (await app.services.articlesRepository.getPublishedBySlug(
  'demo',
  'continental-cup-live-group-stage-final-day',
))!.id;
await app.listen({ port, host: '127.0.0.1' });
console.log(`listening ${port} blog ${blogId}`);
