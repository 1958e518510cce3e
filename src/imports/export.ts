import type { Writable } from 'node:stream';
import type { Site } from '../sites/sites.repository.ts';
import type { Storage } from '../storage/database.ts';

// parley export: every story and comment of a site, streamed page by page (a
// keyset over time and id), as Parley's JSON lines or as a Disqus XML export.
// What the JSON lines hold is what `parley import jsonl` reads back.

const PAGE = 2000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export async function exportComments(
  storage: Storage,
  site: Site,
  format: 'jsonl' | 'disqus',
  out: Writable,
): Promise<{ threads: number; comments: number }> {
  const { db } = storage;
  let threads = 0;
  let comments = 0;
  if (format === 'disqus')
    await write(
      out,
      '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n',
    );
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('stories')
      .select(['id', 'url', 'title', 'created_at'])
      .where('site_id', '=', site.id)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const s of page) {
      threads++;
      if (format === 'jsonl')
        await write(out, `${JSON.stringify({ type: 'thread', id: s.id, url: s.url, title: s.title })}\n`);
      else
        await write(
          out,
          `<thread dsq:id="${xml(s.id)}"><id>${xml(s.id)}</id><link>${xml(s.url)}</link><title>${xml(s.title)}</title><createdAt>${s.created_at}</createdAt></thread>\n`,
        );
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  let cursor: { at: string; id: string } | undefined;
  for (;;) {
    let q = db
      .selectFrom('comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .leftJoin('legacy_authors as l', 'l.id', 'c.legacy_author_id')
      .select([
        'c.id',
        'c.story_id',
        'c.parent_id',
        'c.author_name',
        'c.body',
        'c.body_html',
        'c.status',
        'c.reaction_count',
        'c.created_at',
        'u.id as user_id',
        'u.email as user_email',
        'l.external_id as legacy_id',
        'l.email as legacy_email',
      ])
      .where('c.site_id', '=', site.id)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(PAGE);
    if (cursor) {
      const { at, id } = cursor;
      q = q.where((eb) =>
        eb.or([eb('c.created_at', '>', at), eb.and([eb('c.created_at', '=', at), eb('c.id', '>', id)])]),
      );
    }
    const page = await q.execute();
    for (const c of page) {
      comments++;
      const status = c.status === 'rejected' ? 'spam' : c.status;
      const author = {
        id: c.user_id ?? c.legacy_id ?? null,
        name: c.author_name,
        email: c.user_email ?? c.legacy_email ?? null,
      };
      if (format === 'jsonl') {
        await write(
          out,
          `${JSON.stringify({ type: 'comment', id: c.id, thread: c.story_id, parent: c.parent_id, author, text: c.body, html: c.body_html, createdAt: c.created_at, status, likes: c.reaction_count })}\n`,
        );
      } else {
        await write(
          out,
          `<post dsq:id="${xml(c.id)}"><id>${xml(c.id)}</id><message>${cdata(c.body_html)}</message><createdAt>${c.created_at}</createdAt><isDeleted>${status === 'deleted'}</isDeleted><isSpam>${status === 'spam'}</isSpam><author><name>${xml(author.name)}</name>${author.email ? `<email>${xml(author.email)}</email>` : ''}${author.id ? `<username>${xml(author.id)}</username>` : ''}</author><thread dsq:id="${xml(c.story_id)}"/>${c.parent_id ? `<parent dsq:id="${xml(c.parent_id)}"/>` : ''}</post>\n`,
        );
      }
    }
    if (page.length < PAGE) break;
    cursor = { at: page.at(-1)!.created_at, id: page.at(-1)!.id };
  }
  if (format === 'disqus') await write(out, '</disqus>\n');
  return { threads, comments };
}
