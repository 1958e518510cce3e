import { t } from '../i18n.ts';

/** In place of the composer for a reader who is not signed in. */
export function SignInPrompt(props: { registerUrl: string; onLogin: () => void }) {
  return (
    <p class="p-login">
      <button type="button" class="p-button" onClick={props.onLogin}>
        {t('logInToComment')}
      </button>{' '}
      {t('or')}{' '}
      <a href={props.registerUrl} target="_top">
        {t('register')}
      </a>
      .
    </p>
  );
}
