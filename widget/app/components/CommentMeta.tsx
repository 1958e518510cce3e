import { t } from '../i18n.ts';
import { when } from '../time.ts';
import type { Comment } from '../types.ts';
import { avatar, badges } from '../view.ts';

/** Who wrote a comment, when, its marks, and (for its writer) whether it waits or was refused. */
export function CommentMeta(props: { c: Comment; timeZone: string }) {
  const { c } = props;
  const face = avatar(c.author.name);
  return (
    <>
      <header class="p-meta">
        <span class="p-avatar" aria-hidden="true" style={{ background: face.color }}>
          {face.initials}
        </span>
        <strong>{c.author.name}</strong>
        {badges(c.author).map((b) => (
          <span class="p-badge">{b}</span>
        ))}
        {c.inReplyTo && (
          <span class="p-reply-to">
            {' '}
            {t('inReplyTo')} <a href={`#comment-${c.inReplyTo.id}`}>{c.inReplyTo.name}</a>
          </span>
        )}{' '}
        ·{' '}
        <time dateTime={c.createdAt} title={c.createdAt}>
          {when(c.createdAt, props.timeZone, t)}
        </time>
        {c.editedAt && <span class="p-edited"> · {t('edited')}</span>}
        {c.featured && <span class="p-badge p-featured">{t('featured')}</span>}
      </header>
      {c.status === 'pending' && (
        <p class="p-status">
          {t('awaitingReview')} {c.statusReason}
        </p>
      )}
      {c.status === 'rejected' && (
        <p class="p-status p-refused">
          {t('notPublished')} {c.statusReason}
        </p>
      )}
    </>
  );
}
