import type { Readable } from 'node:stream';
import { type ImportItem, isoTime } from '../items.ts';
import { readXml, type XmlStats } from '../xml.ts';

// Disqus's XML export: <category>, then <thread dsq:id> elements (link, title),
// then <post dsq:id> elements pointing at their thread and parent by dsq:id.
// Bodies are HTML. Posts marked isDeleted or isSpam are kept with that status.

type Fields = Record<string, string>;

export function readDisqus(stream: Readable, stats: XmlStats): AsyncGenerator<ImportItem> {
  let fields: Fields = {};
  let refs: { thread?: string; parent?: string } = {};
  return readXml<ImportItem>(
    stream,
    {
      open(e) {
        if (e.path.length === 2 && (e.name === 'thread' || e.name === 'post')) {
          fields = {};
          refs = {};
        }
        if (e.path.length === 3 && e.path[1] === 'post' && (e.name === 'thread' || e.name === 'parent'))
          refs[e.name] = e.attributes['dsq:id'];
      },
      close(e, out) {
        const depth = e.path.length;
        if (depth === 3 || (depth === 4 && e.path[2] === 'author'))
          fields[depth === 4 ? `author.${e.name}` : e.name] = e.text.trim();
        if (depth !== 2) return;
        const position = `line ${e.line}`;
        const id = e.attributes['dsq:id'];
        if (e.name === 'thread') {
          if (!id) return void out.push({ type: 'skip', reason: 'a thread without dsq:id', position });
          out.push({ type: 'thread', id, url: fields.link || null, title: fields.title || null, position });
        } else if (e.name === 'post') {
          if (!id) return void out.push({ type: 'skip', reason: 'a post without dsq:id', position });
          if (!refs.thread) return void out.push({ type: 'skip', reason: `post ${id} names no thread`, position });
          const createdAt = isoTime(fields.createdAt);
          if (!createdAt) return void out.push({ type: 'skip', reason: `post ${id} has no valid createdAt`, position });
          out.push({
            type: 'comment',
            id,
            threadId: refs.thread,
            parentId: refs.parent ?? null,
            author: {
              id: fields['author.username'] || null,
              name: fields['author.name'] || fields['author.username'] || 'Anonymous',
              email: fields['author.email'] || null,
            },
            html: fields.message ?? '',
            markdown: null,
            createdAt,
            status: fields.isDeleted === 'true' ? 'deleted' : fields.isSpam === 'true' ? 'spam' : 'published',
            likes: 0,
            position,
          });
        }
      },
    },
    stats,
  );
}
