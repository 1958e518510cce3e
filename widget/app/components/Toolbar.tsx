import { t, tn } from '../i18n.ts';
import type { Sort, Tab } from '../types.ts';
import { SORTS } from '../view.ts';

/** The count of comments, the All/Featured tabs and the sort order. */
export function Toolbar(props: {
  count: number;
  tab: Tab;
  onTab: (tab: Tab) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
}) {
  return (
    <div class="p-toolbar">
      <span class="p-count-total" data-count={props.count}>
        {tn(props.count, 'oneComment', 'nComments')}
      </span>
      <span role="tablist" aria-label={t('whichComments')}>
        <button
          type="button"
          role="tab"
          aria-selected={props.tab === 'all'}
          class="p-tab"
          onClick={() => props.onTab('all')}
        >
          {t('all')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={props.tab === 'featured'}
          class="p-tab"
          onClick={() => props.onTab('featured')}
        >
          {t('featured')}
        </button>
      </span>
      <label>
        {t('sortBy')}{' '}
        <select
          value={props.sort}
          onChange={(e) => props.onSort((e.target as HTMLSelectElement).value as Sort)}
          aria-label={t('sortComments')}
        >
          {SORTS.map(([v, l]) => (
            <option value={v}>{t(l)}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
