import type { ApiError } from '../api.ts';
import { flaggedWords, highlightsOf } from '../highlights.ts';
import { t } from '../i18n.ts';
import { isNudge } from '../view.ts';

/**
 * Why a comment was not posted. When the guidelines only nudge, the writer
 * may revise it or send it to a moderator as it is.
 */
export function ComposerError(props: { id: string; error: ApiError; onSendAnyway: () => void }) {
  const words = flaggedWords(highlightsOf(props.error.details));
  return (
    <div class="p-error" role="alert" id={props.id}>
      <p>{props.error.message}</p>
      {words.length > 0 && <p>{t('flaggedWords', { words: words.map((w) => `“${w}”`).join(', ') })}</p>}
      {isNudge(props.error) && (
        <p>
          {t('reviseOr')}{' '}
          <button type="button" class="p-link p-inline" onClick={props.onSendAnyway}>
            {t('sendAnyway')}
          </button>
          .
        </p>
      )}
    </div>
  );
}
