import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { editComment, postComment } from '../endpoints.ts';
import { flaggedWords, highlightsOf } from '../highlights.ts';
import { t, tn } from '../i18n.ts';
import type { Comment, Config, User } from '../types.ts';
import {
  charactersLeft,
  composerId,
  composerKind,
  composerLabel,
  idempotencyKey,
  postingBlock,
  submitLabel,
} from '../view.ts';
import { ComposerError } from './ComposerError.tsx';
import { FlaggedField } from './FlaggedField.tsx';
import { SignInPrompt } from './SignInPrompt.tsx';

/** Writes a new comment, a reply (parentId) or an edit (editId); asks a signed-out reader to log in. */
export function Composer(props: {
  config: Config;
  user: User | null;
  storyId: string;
  parentId?: string;
  initial?: string;
  editId?: string;
  /** `note` is for the writer: the comment waits for a moderator */
  onDone: (c: Comment, note?: string) => void;
  onCancel?: () => void;
  onLogin: () => void;
}) {
  const [text, setText] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // one key per comment written: a retried post is not posted twice
  const key = useRef(idempotencyKey());
  if (!props.user) return <SignInPrompt registerUrl={props.config.registerUrl} onLogin={props.onLogin} />;
  const blocked = postingBlock(props.user, props.config.timeZone);
  if (blocked)
    return (
      <p class="p-status p-blocked" role="status">
        {blocked}
      </p>
    );

  const kind = composerKind(props.editId, props.parentId);
  const submit = async (sendAnyway = false) => {
    setBusy(true);
    setError(null);
    try {
      if (props.editId) {
        props.onDone(await editComment(props.editId, text));
      } else {
        const c = await postComment(
          props.storyId,
          { body: text, parentId: props.parentId ?? null, sendAnyway },
          key.current,
        );
        setText('');
        key.current = idempotencyKey();
        const words = flaggedWords(c.flagged);
        const held = words.length ? t('heldWords', { words: words.map((w) => `“${w}”`).join(', ') }) : t('heldThanks');
        props.onDone(c, c.status === 'pending' ? held : undefined);
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const left = charactersLeft(props.config.maxLength, text);
  const flagged = error ? highlightsOf(error.details) : [];
  const id = composerId(props.parentId, props.editId);
  return (
    <form
      class="p-composer"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={id} class="p-label">
        {composerLabel(kind, props.user.displayName)}
      </label>
      <FlaggedField
        id={id}
        value={text}
        flagged={flagged}
        onInput={setText}
        rows={props.parentId ? 3 : 4}
        describedBy={error ? `${id}-count ${id}-error` : `${id}-count`}
      />
      <div class="p-row">
        <span id={`${id}-count`} class={left < 0 ? 'p-count p-over' : 'p-count'}>
          {tn(left, 'oneCharacterLeft', 'charactersLeft')}
        </span>
        <span>
          {props.onCancel && (
            <button type="button" class="p-link" onClick={props.onCancel}>
              {t('cancel')}
            </button>
          )}{' '}
          <button type="submit" class="p-button" disabled={busy || !text.trim() || left < 0} aria-busy={busy}>
            {submitLabel(kind, busy)}
          </button>
        </span>
      </div>
      {error && <ComposerError id={`${id}-error`} error={error} onSendAnyway={() => void submit(true)} />}
    </form>
  );
}
