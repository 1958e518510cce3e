import { useNotifications } from '../hooks/useNotifications.ts';
import { t } from '../i18n.ts';

/** The bell: replies to the reader and news from followed stories. */
export function Bell(props: { frame: boolean; heard: number }) {
  const { data, open, toggle } = useNotifications(props.heard);
  return (
    <span class="p-bell">
      <button type="button" class="p-link" aria-expanded={open} onClick={toggle}>
        {t('notifications')}
        {data.unread ? ` (${t('newCount', { n: data.unread })})` : ''}
      </button>
      {open && (
        <ul class="p-notes">
          {data.items.length === 0 && <li>{t('nothingYet')}</li>}
          {data.items.map((n) => (
            <li class={n.read ? '' : 'p-unread'}>
              <a href={n.url} target={props.frame ? '_top' : undefined}>
                <strong>{n.actorName}</strong> {n.kind === 'reply' ? t('repliedToYou') : t('commentedOn')}{' '}
                {n.storyTitle}
              </a>
              <br />
              <span class="p-count">{n.excerpt}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
