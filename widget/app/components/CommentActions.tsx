import { deleteComment, setFeatured, setReaction } from '../endpoints.ts';
import { t } from '../i18n.ts';
import type { Comment } from '../types.ts';
import { commentActions, reactionLabel } from '../view.ts';
import { useThreadContext } from './context.ts';

/** What a comment's reader may do with it now: the open form, if any. */
export type CommentMode = '' | 'reply' | 'edit' | 'report';

/** The row of actions under a comment. The ones that need an account ask a signed-out reader to log in. */
export function CommentActions(props: {
  c: Comment;
  mode: CommentMode;
  setMode: (mode: CommentMode) => void;
  act: (f: () => Promise<void>) => Promise<void>;
}) {
  const { c, mode, setMode, act } = props;
  const ctx = useThreadContext();
  const can = commentActions(c, ctx.user, ctx.closed, Date.now(), ctx.config.editWindowSeconds);
  const signedIn = (f: () => void) => () => (ctx.user ? f() : ctx.login());
  return (
    <footer class="p-actions">
      <button
        type="button"
        class={c.reactions.mine ? 'p-link p-reacted' : 'p-link'}
        aria-pressed={c.reactions.mine}
        disabled={can.reactDisabled}
        onClick={signedIn(
          () =>
            void act(async () => {
              const reactions = await setReaction(c.id, !c.reactions.mine);
              ctx.dispatch({ type: 'changed', id: c.id, patch: { reactions } });
            }),
        )}
      >
        {reactionLabel(ctx.config.reactionLabel, c.reactions.count)}
      </button>
      {can.reply && (
        <button type="button" class="p-link" onClick={signedIn(() => setMode(mode === 'reply' ? '' : 'reply'))}>
          {t('reply')}
        </button>
      )}
      {can.edit && (
        <button type="button" class="p-link" onClick={() => setMode('edit')}>
          {t('edit')}
        </button>
      )}
      {can.delete && (
        <button
          type="button"
          class="p-link"
          onClick={() =>
            confirm(t('confirmDelete')) &&
            void act(async () => {
              await deleteComment(c.id);
              ctx.dispatch({ type: 'deleted', id: c.id });
            })
          }
        >
          {t('delete')}
        </button>
      )}
      {can.report && (
        <button type="button" class="p-link" onClick={signedIn(() => setMode(mode === 'report' ? '' : 'report'))}>
          {t('report')}
        </button>
      )}
      {can.feature && (
        <button
          type="button"
          class="p-link"
          onClick={() =>
            void act(async () => {
              await setFeatured(c.id, !c.featured);
              ctx.dispatch({ type: 'changed', id: c.id, patch: { featured: !c.featured } });
            })
          }
        >
          {c.featured ? t('unfeature') : t('feature')}
        </button>
      )}
      <a class="p-link" href={`${ctx.permalinkBase}${c.id}`} target={ctx.frame ? '_top' : undefined}>
        {t('link')}
      </a>
    </footer>
  );
}
