import type { Readable } from 'node:stream';
import { type ImportItem, isoTime } from '../items.ts';
import { readXml, type XmlStats } from '../xml.ts';

// WordPress WXR 1.0–1.2: an RSS <channel> of <item>s (posts, pages,
// attachments), each with its <wp:comment>s. Pingbacks and trackbacks are not
// readers' comments and are skipped with that reason. Approval: 1 published,
// 0 pending, "spam", "trash" (deleted).

export function readWordpress(stream: Readable, stats: XmlStats): AsyncGenerator<ImportItem> {
  let item: Record<string, string> = {};
  let comment: Record<string, string> = {};
  let threadSent = false;
  return readXml<ImportItem>(
    stream,
    {
      open(e) {
        if (e.name === 'item') {
          item = {};
          threadSent = false;
        }
        if (e.name === 'wp:comment') comment = {};
      },
      close(e, out) {
        const parent = e.path.at(-2);
        if (parent === 'item') item[e.name] = e.text.trim();
        else if (parent === 'wp:comment') comment[e.name] = e.name === 'wp:comment_content' ? e.text : e.text.trim();
        if (e.name !== 'wp:comment') return;
        const position = `line ${e.line}`;
        const threadId = item['wp:post_id'] || item.link || item.guid;
        if (!threadId) return void out.push({ type: 'skip', reason: 'a comment outside any post', position });
        if (!threadSent) {
          out.push({ type: 'thread', id: threadId, url: item.link || null, title: item.title || null, position });
          threadSent = true;
        }
        const id = comment['wp:comment_id'];
        const kind = comment['wp:comment_type'] || 'comment';
        if (!id) return void out.push({ type: 'skip', reason: 'a comment without wp:comment_id', position });
        if (kind === 'pingback' || kind === 'trackback')
          return void out.push({ type: 'skip', reason: `comment ${id} is a ${kind}`, position });
        const createdAt = isoTime(
          comment['wp:comment_date_gmt'] && !comment['wp:comment_date_gmt'].startsWith('0000')
            ? comment['wp:comment_date_gmt']
            : comment['wp:comment_date'],
        );
        if (!createdAt) return void out.push({ type: 'skip', reason: `comment ${id} has no valid date`, position });
        const approved = comment['wp:comment_approved'] ?? '1';
        const userId = comment['wp:comment_user_id'];
        out.push({
          type: 'comment',
          id,
          threadId,
          parentId:
            comment['wp:comment_parent'] && comment['wp:comment_parent'] !== '0' ? comment['wp:comment_parent'] : null,
          author: {
            id: userId && userId !== '0' ? userId : null,
            name: comment['wp:comment_author'] || 'Anonymous',
            email: comment['wp:comment_author_email'] || null,
          },
          html: comment['wp:comment_content'] ?? '',
          markdown: null,
          createdAt,
          status:
            approved === '1'
              ? 'published'
              : approved === 'spam'
                ? 'spam'
                : approved === 'trash'
                  ? 'deleted'
                  : 'pending',
          likes: 0,
          position,
        });
      },
    },
    stats,
  );
}
