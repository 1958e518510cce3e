import { html, raw, type SafeHtml } from '../shared/html.ts';
import { plural } from '../shared/plural.ts';
import type { Site } from '../sites/sites.repository.ts';
import { formatPaperTime, zoneAbbreviation } from '../time/format.ts';
import type { CommentView, ThreadPage } from './comment-view.ts';

// The comments as the server renders them: readable and crawlable without
// JavaScript; the widget takes the same area over when scripts run.

function stamp(site: Site, iso: string): string {
  return `${formatPaperTime(iso, site.timeZone)} ${site.timeZoneLabel || zoneAbbreviation(iso, site.timeZone)}`;
}

function badges(c: CommentView): SafeHtml {
  const list = [
    ...(c.author.storyAuthor ? ['Author'] : []),
    ...(c.author.staff && c.author.staff !== 'admin' ? [c.author.staff === 'editor' ? 'Journalist' : 'Moderator'] : []),
    ...c.author.badges,
  ];
  return html`${list.map((b) => html` <span class="badge">${b}</span>`)}`;
}

function statusNote(c: CommentView): SafeHtml {
  if (c.status === 'pending')
    return html`<p class="comment-status">Awaiting review: only you can see this comment for now.${c.statusReason ? html` ${c.statusReason}` : ''}</p>`;
  if (c.status === 'rejected')
    return html`<p class="comment-status refused">Not published.${c.statusReason ? html` ${c.statusReason}` : ''}</p>`;
  return html``;
}

export function renderComment(site: Site, c: CommentView, articlePath: string, reactionLabel: string): SafeHtml {
  if (c.deleted) {
    return html`<li class="comment deleted" id="comment-${c.id}"><p class="comment-body">This comment was deleted.</p>${replies(site, c, articlePath, reactionLabel)}</li>`;
  }
  return html`<li class="comment${c.author.storyAuthor ? ' by-story-author' : ''}${c.featured ? ' featured' : ''}" id="comment-${c.id}">
<article aria-labelledby="comment-${c.id}-by"><header class="comment-meta"><strong id="comment-${c.id}-by">${c.author.name}</strong>${badges(c)}${
    c.inReplyTo
      ? html` <span class="in-reply-to">in reply to <a href="#comment-${c.inReplyTo.id}">${c.inReplyTo.name}</a></span>`
      : ''
  } · <a class="comment-time" href="${articlePath}?comment=${c.id}#comment-${c.id}"><time datetime="${c.createdAt}">${stamp(site, c.createdAt)}</time></a>${c.editedAt ? html` · <span class="edited">edited</span>` : ''}</header>
${statusNote(c)}<div class="comment-body">${raw(c.html)}</div>
<footer class="comment-foot">${c.reactions.count > 0 ? html`<span class="reactions">${reactionLabel} · ${c.reactions.count}</span>` : ''}</footer></article>${replies(site, c, articlePath, reactionLabel)}</li>`;
}

function replies(site: Site, c: CommentView, articlePath: string, reactionLabel: string): SafeHtml {
  if (c.replies.length === 0 && c.moreReplies === 0) return html``;
  return html`<ol class="comment-replies">${c.replies.map((r) => renderComment(site, r, articlePath, reactionLabel))}</ol>${
    c.moreReplies > 0
      ? html`<p class="more-replies"><a href="${articlePath}?comment=${c.replies[c.replies.length - 1]?.id ?? c.id}#comment-${c.id}">Show ${c.moreReplies} more ${c.moreReplies === 1 ? 'reply' : 'replies'}</a></p>`
      : ''
  }`;
}

export function renderThread(
  site: Site,
  page: ThreadPage,
  articlePath: string,
  reactionLabel: string,
  sort: string,
): SafeHtml {
  const n = page.story.commentCount;
  return html`<p class="comment-count" data-comment-count="${String(n)}">${n === 0 ? 'No comments yet.' : plural(n, 'comment')}</p>
<ol class="comment-list" data-sort="${sort}">${page.comments.map((c) => renderComment(site, c, articlePath, reactionLabel))}</ol>${
    page.nextCursor
      ? html`<p class="more-comments"><a href="${articlePath}?sort=${sort}&amp;after=${page.nextCursor}#comments" rel="nofollow">Show more comments</a></p>`
      : ''
  }`;
}

/** schema.org Comment objects for the article's JSON-LD. */
export function commentsJsonLd(page: ThreadPage, articleUrl: string): Record<string, unknown>[] {
  const one = (c: CommentView): Record<string, unknown> => ({
    '@type': 'Comment',
    url: `${articleUrl}?comment=${c.id}#comment-${c.id}`,
    dateCreated: c.createdAt,
    text: c.html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    author: { '@type': 'Person', name: c.author.name },
    ...(c.reactions.count ? { upvoteCount: c.reactions.count } : {}),
    ...(c.replies.length ? { comment: c.replies.filter((r) => !r.deleted).map(one) } : {}),
  });
  return page.comments.filter((c) => !c.deleted && c.status === 'published').map(one);
}
