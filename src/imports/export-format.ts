import type { ExportedComment, ExportedStory } from './export.repository.ts';

// How an export writes stories and comments: Parley's JSON lines (what
// `parley import jsonl` reads back) or a Disqus XML export.

export type ExportFormat = 'jsonl' | 'disqus';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export const DISQUS_HEAD =
  '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n';
export const DISQUS_TAIL = '</disqus>\n';

export function threadLine(format: ExportFormat, s: ExportedStory): string {
  return format === 'jsonl'
    ? `${JSON.stringify({ type: 'thread', id: s.id, url: s.url, title: s.title })}\n`
    : `<thread dsq:id="${xml(s.id)}"><id>${xml(s.id)}</id><link>${xml(s.url)}</link><title>${xml(s.title)}</title><createdAt>${s.created_at}</createdAt></thread>\n`;
}

export function commentLine(format: ExportFormat, c: ExportedComment): string {
  // Formats know spam, not refusals: a refused comment leaves as spam.
  const status = c.status === 'rejected' ? 'spam' : c.status;
  const author = {
    id: c.user_id ?? c.legacy_id ?? null,
    name: c.author_name,
    email: c.user_email ?? c.legacy_email ?? null,
  };
  if (format === 'jsonl')
    return `${JSON.stringify({ type: 'comment', id: c.id, thread: c.story_id, parent: c.parent_id, author, text: c.body, html: c.body_html, createdAt: c.created_at, status, likes: c.reaction_count })}\n`;
  return `<post dsq:id="${xml(c.id)}"><id>${xml(c.id)}</id><message>${cdata(c.body_html)}</message><createdAt>${c.created_at}</createdAt><isDeleted>${status === 'deleted'}</isDeleted><isSpam>${status === 'spam'}</isSpam><author><name>${xml(author.name)}</name>${author.email ? `<email>${xml(author.email)}</email>` : ''}${author.id ? `<username>${xml(author.id)}</username>` : ''}</author><thread dsq:id="${xml(c.story_id)}"/>${c.parent_id ? `<parent dsq:id="${xml(c.parent_id)}"/>` : ''}</post>\n`;
}
