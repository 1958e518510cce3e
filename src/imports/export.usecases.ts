import type { Writable } from 'node:stream';
import type { Services } from '../core/services.ts';
import type { Site } from '../sites/sites.repository.ts';
import { commentLine, DISQUS_HEAD, DISQUS_TAIL, type ExportFormat, threadLine } from './export-format.ts';

// parley export: every story and comment of a site, streamed page by page (a
// keyset over time and id), so that memory stays flat however large the site.

const PAGE = 2000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

export async function exportComments(
  deps: Pick<Services, 'importsRepository'>,
  input: { site: Site; format: ExportFormat; out: Writable },
): Promise<{ threads: number; comments: number }> {
  const { site, format, out } = input;
  let threads = 0;
  let comments = 0;
  if (format === 'disqus') await write(out, DISQUS_HEAD);
  let after = '';
  for (;;) {
    const page = await deps.importsRepository.storiesPage(site.id, after, PAGE);
    for (const s of page) {
      threads++;
      await write(out, threadLine(format, s));
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  let cursor: { at: string; id: string } | undefined;
  for (;;) {
    const page = await deps.importsRepository.commentsPage(site.id, cursor, PAGE);
    for (const c of page) {
      comments++;
      await write(out, commentLine(format, c));
    }
    if (page.length < PAGE) break;
    cursor = { at: page.at(-1)!.created_at, id: page.at(-1)!.id };
  }
  if (format === 'disqus') await write(out, DISQUS_TAIL);
  return { threads, comments };
}
