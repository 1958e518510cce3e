import type { Readable } from 'node:stream';
import { ImportFormatError, type ImportItem, isoTime } from '../items.ts';
import { str } from './lines.ts';

// Commento's export is one JSON document whose commenters follow the comments,
// so it is read whole (Commento exports are small: it was a one-site tool).
// Bodies are markdown; threads are pages, known by domain and path.

const MAX_COMMENTO_CHARS = 256 * 1024 * 1024;

export async function* readCommento(stream: Readable): AsyncGenerator<ImportItem> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.length > MAX_COMMENTO_CHARS)
      throw new ImportFormatError('a Commento export larger than 256 MiB', `character ${MAX_COMMENTO_CHARS + 1}`);
  }
  let doc: { comments?: Record<string, unknown>[]; commenters?: Record<string, unknown>[] };
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const at = m ? Number(m[1]) : undefined;
    const line = at === undefined ? undefined : text.slice(0, at).split('\n').length;
    throw new ImportFormatError(`malformed JSON: ${(err as Error).message}`, line ? `line ${line}` : 'the document');
  }
  const people = new Map((doc.commenters ?? []).map((c) => [str(c.commenterHex), c]));
  const threads = new Set<string>();
  for (const [i, c] of (doc.comments ?? []).entries()) {
    const position = `comment ${i + 1}`;
    const id = str(c.commentHex);
    const path = str(c.url);
    const createdAt = isoTime(c.creationDate as string);
    if (!id || !path || !createdAt) {
      yield {
        type: 'skip',
        reason: !id
          ? 'a comment without commentHex'
          : !path
            ? `comment ${id} has no url`
            : `comment ${id} has no valid creationDate`,
        position,
      };
      continue;
    }
    const url = /^https?:/.test(path)
      ? path
      : `https://${str(c.domain) ?? 'unknown'}${path.startsWith('/') ? '' : '/'}${path}`;
    if (!threads.has(url)) {
      threads.add(url);
      yield { type: 'thread', id: url, url, title: null, position };
    }
    const who = str(c.commenterHex);
    const person = who && who !== 'anonymous' ? people.get(who) : undefined;
    const parent = str(c.parentHex);
    yield {
      type: 'comment',
      id,
      threadId: url,
      parentId: parent && parent !== 'root' ? parent : null,
      author: { id: person ? who : null, name: str(person?.name) ?? 'Anonymous', email: str(person?.email) },
      html: str(c.html),
      markdown: str(c.html) ? null : (str(c.markdown) ?? ''),
      createdAt,
      status: c.deleted
        ? 'deleted'
        : c.state === 'unapproved'
          ? 'pending'
          : c.state === 'flagged'
            ? 'spam'
            : 'published',
      likes: typeof c.score === 'number' && c.score > 0 ? c.score : 0,
      position,
    };
  }
}
