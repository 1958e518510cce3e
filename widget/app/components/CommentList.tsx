import { t } from '../i18n.ts';
import type { Comment, Tab } from '../types.ts';
import { emptyState } from '../view.ts';
import { CommentItem } from './CommentItem.tsx';

/** The top-level comments, what to say when there are none, and the next page. */
export function CommentList(props: {
  list: Comment[];
  loading: boolean;
  tab: Tab;
  /** new comments heard live, waiting behind the "new comments" button */
  waiting: number;
  hasMore: boolean;
  onMore: () => void;
}) {
  const empty = emptyState(props.tab, props.loading, props.list.length, props.waiting);
  return (
    <>
      <ol class="p-list" aria-busy={props.loading}>
        {props.list.map((c) => (
          <CommentItem key={c.id} c={c} />
        ))}
      </ol>
      {empty && <p class="p-empty">{t(empty)}</p>}
      {props.hasMore && (
        <button type="button" class="p-button p-secondary p-load-more" disabled={props.loading} onClick={props.onMore}>
          {t('showMore')}
        </button>
      )}
    </>
  );
}
