import { t } from '../i18n.ts';
import type { User } from '../types.ts';
import { Bell } from './Bell.tsx';

/** The signed-in reader: name, a reminder to confirm the address, the bell, following the story. */
export function UserBar(props: {
  user: User;
  frame: boolean;
  following: boolean;
  onFollow: () => void;
  /** notifications heard live */
  notified: number;
}) {
  const { user } = props;
  return (
    <p class="p-user">
      {t('signedInAs')} <strong>{user.displayName}</strong>.{' '}
      {!user.emailVerified && user.email && <span>{t('confirmEmail')} </span>}
      <Bell frame={props.frame} heard={props.notified} />{' '}
      <button type="button" class="p-link" aria-pressed={props.following} onClick={props.onFollow}>
        {props.following ? t('following') : t('follow')}
      </button>
    </p>
  );
}
