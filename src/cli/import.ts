import { createReadStream, readFileSync, statSync } from 'node:fs';
import { normaliseStoryUrl } from '../comments/story-url.ts';
import type { Services } from '../core/services.ts';
import { publishActivity } from '../events/activity.ts';
import { FORMATS, type Format, reader } from '../imports/formats/index.ts';
import { type ImportDeps, type ImportSummary, importComments } from '../imports/imports.usecases.ts';
import { ImportFormatError } from '../imports/items.ts';
import type { Site } from '../sites/sites.repository.ts';

/** A CSV of "old URL,new URL" lines (a header line is allowed). */
export function readUrlMap(path: string): Map<string, string> {
  const map = new Map<string, string>();
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const [from, to] = line.split(',').map((x) => x.trim().replace(/^"|"$/g, ''));
      const key = from ? normaliseStoryUrl(from) : undefined;
      if (!key || !to || !/^https?:\/\//.test(to)) {
        if (i === 0) return; // a header
        throw new Error(`${path}, line ${i + 1}: expected "old URL,new URL"`);
      }
      map.set(key, to);
    });
  return map;
}

function bar(s: ImportSummary, bytes: number, total: number, started: number): string {
  const share = total ? Math.min(1, bytes / total) : 0;
  const width = 30;
  const done = Math.round(share * width);
  const rate = Math.round(s.comments / Math.max(0.001, (Date.now() - started) / 1000));
  return `\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${(share * 100).toFixed(0).padStart(3)}%  ${s.threads} threads, ${s.comments} comments, ${s.skippedCount} skipped, ${rate}/s `;
}

/** parley import <format> <file> --site SITE [--dry-run] [--url-map FILE] */
export async function importCommand(
  args: {
    format: string | undefined;
    file: string | undefined;
    site: Site;
    dryRun: boolean;
    urlMap?: string | undefined;
    /** the summary as one JSON document instead of lines */
    json?: boolean;
  },
  deps: ImportDeps & Pick<Services, 'bus' | 'now'>,
): Promise<number> {
  if (!args.format || !FORMATS.includes(args.format as Format))
    throw new Error(`the format must be one of ${FORMATS.join(', ')}`);
  if (!args.file) throw new Error('name the export file: parley import <format> <file>');
  const total = statSync(args.file).size;
  const stream = createReadStream(args.file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  stream.on('data', (c) => (bytes += c.length));
  const stats = { invalidCharacters: 0 };
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastDraw = 0;
  try {
    const s = await importComments(deps, reader(args.format as Format, stream, stats), {
      siteId: args.site.id,
      baseUrl: args.site.baseUrl,
      source: args.format,
      dryRun: args.dryRun,
      ...(args.urlMap ? { urlMap: readUrlMap(args.urlMap) } : {}),
      now: () => new Date(),
      invalidCharacters: () => stats.invalidCharacters,
      onProgress: (p) => {
        if (!tty || Date.now() - lastDraw < 200) return;
        lastDraw = Date.now();
        process.stderr.write(bar(p, bytes, total, started));
      },
    });
    if (tty) process.stderr.write(`${bar(s, total, total, started)}\n`);
    if (!args.dryRun)
      publishActivity(deps, args.site.id, 'import.finished', {
        source: args.format,
        comments: s.comments,
        inserted: s.inserted,
        alreadyThere: s.alreadyThere,
        threads: s.threads,
        authors: s.authors,
      });
    const seconds = (Date.now() - started) / 1000;
    if (args.json) {
      console.log(JSON.stringify({ dryRun: args.dryRun, seconds, ...s }));
      return 0;
    }
    const lines = [
      `${args.dryRun ? 'dry run, nothing written: ' : ''}${s.threads} threads (${s.matchedThreads} matched to articles, ${s.unmatchedCount} kept as stories of their own), ${s.comments} comments (${s.byStatus.published} published, ${s.byStatus.pending} pending, ${s.byStatus.spam} spam, ${s.byStatus.deleted} deleted), ${s.authors} authors in ${seconds.toFixed(1)} s`,
      args.dryRun ? '' : `written: ${s.inserted} new, ${s.alreadyThere} already there (from an earlier run)`,
      s.invalidCharacters ? `dropped ${s.invalidCharacters} characters that XML does not allow` : '',
      ...s.moves.map(
        (m) =>
          `${args.dryRun ? 'would move' : 'moved'} thread ${m.id}: ${m.comments} comment${m.comments === 1 ? '' : 's'} from ${m.from} to ${m.to}`,
      ),
      s.unmatchedCount
        ? `${s.unmatchedCount} thread${s.unmatchedCount === 1 ? '' : 's'} matched no article (kept as stories of their own; map them with --url-map and import again):`
        : '',
      ...s.unmatched.map((u) => `unmatched thread ${u.id}: ${u.url ?? '(no URL)'}${u.title ? ` "${u.title}"` : ''}`),
      ...s.orphans.map((o) => `reply ${o.id} at ${o.position}: its parent is not in the file; kept at the top level`),
      ...s.skipped.map((k) => `skipped at ${k.position}: ${k.reason}`),
    ].filter(Boolean);
    console.log(lines.join('\n'));
    return 0;
  } catch (err) {
    if (tty) process.stderr.write('\n');
    if (err instanceof ImportFormatError) {
      console.error(
        `${args.file}: ${err.message}. Batches written before this point are complete; fix the file and run the same command again: what is there already is kept, not duplicated.`,
      );
      return 65;
    }
    throw err;
  }
}
