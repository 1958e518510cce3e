import type { Readable } from 'node:stream';
import { type ImportItem, isoTime } from '../items.ts';
import { jsonLines, str } from './lines.ts';

// remark42's backup: a first line of metadata (users, posts), then one
// comment a line: {id, pid, text (HTML), user {id, name}, locator {site, url},
// score, time, delete}. Threads are pages, known by URL.

export async function* readRemark42(stream: Readable): AsyncGenerator<ImportItem> {
  const threads = new Set<string>();
  for await (const { value, line } of jsonLines(stream)) {
    const position = `line ${line}`;
    // biome-ignore lint/suspicious/noExplicitAny: remark42's lines are untyped JSON, every field is checked as read
    const o = value as Record<string, any>;
    if (typeof o !== 'object' || o === null || !o.locator) continue; // the metadata line
    const url = str(o.locator?.url);
    const id = str(o.id);
    const createdAt = isoTime(o.time);
    if (!id || !url || !createdAt) {
      yield {
        type: 'skip',
        reason: !id
          ? 'a comment without id'
          : !url
            ? `comment ${id} has no locator.url`
            : `comment ${id} has no valid time`,
        position,
      };
      continue;
    }
    if (!threads.has(url)) {
      threads.add(url);
      yield { type: 'thread', id: url, url, title: str(o.title), position };
    }
    yield {
      type: 'comment',
      id,
      threadId: url,
      parentId: str(o.pid),
      author: { id: str(o.user?.id), name: str(o.user?.name) ?? 'Anonymous', email: null },
      html: typeof o.text === 'string' ? o.text : '',
      markdown: null,
      createdAt,
      status: o.delete ? 'deleted' : 'published',
      likes: typeof o.score === 'number' && o.score > 0 ? o.score : 0,
      position,
    };
  }
}
