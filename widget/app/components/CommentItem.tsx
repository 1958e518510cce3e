import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../i18n.ts';
import type { Comment } from '../types.ts';
import { commentClass } from '../view.ts';
import { CommentActions, type CommentMode } from './CommentActions.tsx';
import { CommentMeta } from './CommentMeta.tsx';
import { Composer } from './Composer.tsx';
import { useThreadContext } from './context.ts';
import { ReportForm } from './ReportForm.tsx';

/** The words of a comment as plain text, to edit them. */
const plainText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

/** One comment, its open form (edit, report or reply) and its replies, which are comments again. */
export function CommentItem(props: { c: Comment }) {
  const { c } = props;
  const ctx = useThreadContext();
  const [mode, setMode] = useState<CommentMode>('');
  const [msg, setMsg] = useState('');
  const highlighted = ctx.permalink === c.id;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  const act = async (f: () => Promise<void>) => {
    try {
      await f();
    } catch (e) {
      setMsg((e as Error).message);
    }
  };
  return (
    <li ref={ref} id={`comment-${c.id}`} class={commentClass(c, highlighted)}>
      {c.deleted ? (
        <p class="p-body">{t('deleted')}</p>
      ) : (
        <article aria-label={t('commentBy', { name: c.author.name })}>
          <CommentMeta c={c} timeZone={ctx.config.timeZone} />
          {mode === 'edit' ? (
            <Composer
              config={ctx.config}
              user={ctx.user}
              storyId={ctx.storyId}
              editId={c.id}
              initial={plainText(c.html)}
              onCancel={() => setMode('')}
              onDone={(n) => {
                ctx.dispatch({
                  type: 'changed',
                  id: c.id,
                  patch: { html: n.html, editedAt: n.editedAt, status: n.status },
                });
                setMode('');
              }}
              onLogin={ctx.login}
            />
          ) : (
            <div class="p-body" dangerouslySetInnerHTML={{ __html: c.html }} />
          )}
          <CommentActions c={c} mode={mode} setMode={setMode} act={act} />
          {msg && (
            <p class="p-error" role="alert">
              {msg}
            </p>
          )}
          {mode === 'report' && (
            <ReportForm
              id={c.id}
              act={act}
              onSent={() => {
                setMode('');
                setMsg(t('reportThanks'));
              }}
            />
          )}
          {mode === 'reply' && (
            <Composer
              config={ctx.config}
              user={ctx.user}
              storyId={ctx.storyId}
              parentId={c.id}
              onCancel={() => setMode('')}
              onDone={(n, info) => {
                ctx.dispatch({ type: 'replied', comment: n });
                setMode('');
                if (info) setMsg(info);
              }}
              onLogin={ctx.login}
            />
          )}
        </article>
      )}
      {(c.replies.length > 0 || c.moreReplies > 0) && (
        <ol class="p-replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} />
          ))}
        </ol>
      )}
      {c.moreReplies > 0 && (
        <button type="button" class="p-link p-more" onClick={() => void ctx.moreReplies(c)}>
          {tn(c.moreReplies, 'showMoreReply', 'showMoreReplies')}
        </button>
      )}
    </li>
  );
}
