import { t } from '../i18n.ts';
import type { Comment, Tab } from '../types.ts';
import { CommentItem } from './CommentItem.tsx';

/** The top-level comments, what to say when there are none, and the next page. */
export function CommentList(props: {
  list: Comment[];
  loading: boolean;
  tab: Tab;
  hasMore: boolean;
  onMore: () => void;
}) {
  return (
    <>
      <ol class="p-list" aria-busy={props.loading}>
        {props.list.map((c) => (
          <CommentItem key={c.id} c={c} />
        ))}
      </ol>
      {!props.loading && props.list.length === 0 && (
        <p class="p-empty">{props.tab === 'featured' ? t('noFeatured') : t('noComments')}</p>
      )}
      {props.hasMore && (
        <button type="button" class="p-button p-secondary p-load-more" disabled={props.loading} onClick={props.onMore}>
          {t('showMore')}
        </button>
      )}
    </>
  );
}
