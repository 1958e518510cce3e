// One import for bench:import, in its own process so that its peak memory is its own.

import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { createArticlesRepository } from '../src/articles/articles.repository.ts';
import { createCommentsRepository } from '../src/comments/comments.repository.ts';
import { createStoriesRepository } from '../src/comments/stories.repository.ts';
import { readDisqus } from '../src/imports/formats/disqus.ts';
import { createImportsRepository } from '../src/imports/imports.repository.ts';
import { importComments } from '../src/imports/imports.usecases.ts';
import { createSitesRepository } from '../src/sites/sites.repository.ts';
import { migrateToLatest, openStorage } from '../src/storage/database.ts';
import { testDatabaseUrl } from '../src/storage/testing.ts';

const [engine, file, dataDir] = process.argv.slice(2) as ['sqlite' | 'postgres', string, string];
const schema = `parley_bench_${randomBytes(4).toString('hex')}`;
if (engine === 'sqlite') mkdirSync(dataDir, { recursive: true });
const storage =
  engine === 'sqlite'
    ? await openStorage({ dataDir })
    : await openStorage({ databaseUrl: testDatabaseUrl, pgSchema: schema });
await migrateToLatest(storage);
await createSitesRepository(storage).insert({
  id: 'bench',
  name: 'Bench',
  baseUrl: 'https://bench.example',
  timeZone: 'UTC',
  timeZoneLabel: null,
  language: 'en',
  tagline: '',
  guidelines: '',
  createdAt: new Date().toISOString(),
});
const deps = {
  commentsRepository: createCommentsRepository(storage),
  storiesRepository: createStoriesRepository(storage),
  articlesRepository: createArticlesRepository(storage),
  importsRepository: createImportsRepository(storage),
};
const started = performance.now();
const cpuBefore = process.cpuUsage();
const stats = { invalidCharacters: 0 };
const s = await importComments(deps, readDisqus(createReadStream(file, { highWaterMark: 1 << 20 }), stats), {
  siteId: 'bench',
  baseUrl: 'https://bench.example',
  source: 'disqus',
  now: () => new Date(),
}).finally(async () => {
  if (engine === 'postgres')
    await storage.db.schema
      .dropSchema(schema)
      .cascade()
      .execute()
      .catch(() => {});
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await storage.close();
console.log(
  JSON.stringify({
    comments: s.comments,
    inserted: s.inserted,
    seconds,
    cpuSeconds,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    skipped: s.skippedCount,
  }),
);
