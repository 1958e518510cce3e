import type { Readable } from 'node:stream';
import { type ImportComment, type ImportItem, isoTime } from '../items.ts';
import { jsonLines, str } from './lines.ts';

// Parley's generic format, documented in docs/import-formats.md: one JSON
// object a line, {"type": "thread", …} or {"type": "comment", …}. Any
// platform's export (Vuukle's spreadsheets included) can be converted to it,
// and `parley export --format jsonl` writes it.

const STATUSES = new Set(['published', 'pending', 'spam', 'deleted']);

export async function* readJsonl(stream: Readable): AsyncGenerator<ImportItem> {
  for await (const { value, line } of jsonLines(stream)) {
    const position = `line ${line}`;
    const o = value as Record<string, unknown>;
    if (typeof o !== 'object' || o === null) {
      yield { type: 'skip', reason: 'not an object', position };
      continue;
    }
    if (o.type === 'thread') {
      const id = str(o.id) ?? str(o.url);
      if (!id) yield { type: 'skip', reason: 'a thread needs an id or a url', position };
      else yield { type: 'thread', id, url: str(o.url), title: str(o.title), position };
      continue;
    }
    if (o.type !== 'comment') {
      yield { type: 'skip', reason: `unknown type ${JSON.stringify(o.type)}`, position };
      continue;
    }
    const id = str(o.id);
    const threadId = str(o.thread) ?? str(o.url);
    const createdAt = isoTime(o.createdAt as string);
    const author = (typeof o.author === 'object' && o.author !== null ? o.author : {}) as Record<string, unknown>;
    const problem = !id
      ? 'a comment needs an id'
      : !threadId
        ? `comment ${id} needs a thread or url`
        : !createdAt
          ? `comment ${id} has no valid createdAt`
          : typeof o.html !== 'string' && typeof o.text !== 'string'
            ? `comment ${id} has neither html nor text`
            : undefined;
    if (problem) {
      yield { type: 'skip', reason: problem, position };
      continue;
    }
    if (threadId === str(o.url) && !str(o.thread))
      yield { type: 'thread', id: threadId!, url: threadId, title: str(o.title), position };
    const status =
      typeof o.status === 'string' && STATUSES.has(o.status) ? (o.status as ImportComment['status']) : 'published';
    yield {
      type: 'comment',
      id: id!,
      threadId: threadId!,
      parentId: str(o.parent),
      author: { id: str(author.id), name: str(author.name) ?? 'Anonymous', email: str(author.email) },
      html: typeof o.html === 'string' ? o.html : null,
      // Both may be given (Parley's own export): the markdown is the source, the HTML what was shown.
      markdown: typeof o.text === 'string' ? o.text : null,
      createdAt: createdAt!,
      status,
      likes: typeof o.likes === 'number' && o.likes >= 0 ? Math.floor(o.likes) : 0,
      position,
    };
  }
}
