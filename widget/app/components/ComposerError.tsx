import type { ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { isNudge } from '../view.ts';

/**
 * Why a comment was not posted. When the guidelines only nudge, the writer
 * may revise it or send it to a moderator as it is.
 */
export function ComposerError(props: { error: ApiError; onSendAnyway: () => void }) {
  return (
    <div class="p-error" role="alert">
      <p>{props.error.message}</p>
      {isNudge(props.error) && (
        <p>
          {t('reviseOr')}{' '}
          <button type="button" class="p-link" onClick={props.onSendAnyway}>
            {t('sendAnyway')}
          </button>
          .
        </p>
      )}
    </div>
  );
}
