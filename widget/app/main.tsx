import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../src/comments/comments.usecases.ts';
import { type ApiError, api, hasToken, setCsrf, setToken } from './api.ts';
import { type Key, setLanguage, t } from './i18n.ts';
import { css } from './styles.ts';
import { when } from './time.ts';

// The comments app. It runs in two places: inside Parley's own article pages
// (mounted over the server-rendered comments) and inside the iframe that the
// loader puts into another site's page. Either way it talks only to Parley.

// The same shape the API's schema describes (a type-only import: nothing of the server is bundled).
type C = CommentView;

interface User {
  id: string;
  displayName: string;
  role: string;
  emailVerified: boolean;
  email: string | null;
}

interface Config {
  siteName: string;
  timeZone: string;
  guidelines: string;
  guidelinesUrl: string;
  reactionLabel: string;
  maxLength: number;
  loginUrl: string;
  registerUrl: string;
}

interface Story {
  id: string;
  closed: boolean;
  closedMessage: string | null;
  commentCount: number;
}

type Sort = 'newest' | 'oldest' | 'reactions' | 'replies';

interface Options {
  frame: boolean;
  storyId?: string;
  externalId?: string;
  url?: string;
  title?: string;
  permalink?: string;
  parentOrigin?: string;
}

const SORTS: [Sort, Key][] = [
  ['newest', 'newest'],
  ['oldest', 'oldest'],
  ['reactions', 'mostReactions'],
  ['replies', 'mostReplies'],
];
const REASONS: [string, Key][] = [
  ['abusive', 'abusive'],
  ['personal', 'personal'],
  ['spam', 'spam'],
  ['off_topic', 'offTopic'],
  ['other', 'other'],
];

function mapTree(list: C[], id: string, f: (c: C) => C): C[] {
  return list.map((c) => (c.id === id ? f(c) : c.replies.length ? { ...c, replies: mapTree(c.replies, id, f) } : c));
}

function contains(list: C[], id: string): boolean {
  return list.some((c) => c.id === id || contains(c.replies, id));
}

/** Where a reply is shown: under its parent, or beside it past the deepest level. */
function addReply(list: C[], reply: C): C[] {
  return list.map((c) => {
    if (c.id === reply.parentId) {
      if (c.depth >= 3) return c;
      return c.replies.some((r) => r.id === reply.id)
        ? c
        : { ...c, replies: [...c.replies, reply], replyCount: c.replyCount + 1 };
    }
    if (c.replies.some((r) => r.id === reply.parentId && r.depth >= 3))
      return c.replies.some((r) => r.id === reply.id) ? c : { ...c, replies: [...c.replies, reply] };
    return c.replies.length ? { ...c, replies: addReply(c.replies, reply) } : c;
  });
}

function Composer(props: {
  config: Config;
  user: User | null;
  storyId: string;
  parentId?: string;
  initial?: string;
  editId?: string;
  onDone: (c: C, note?: string) => void;
  onCancel?: () => void;
  onLogin: () => void;
}) {
  const [text, setText] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const key = useRef(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  if (!props.user) {
    return (
      <p class="p-login">
        <button type="button" class="p-button" onClick={props.onLogin}>
          {t('logInToComment')}
        </button>{' '}
        {t('or')}{' '}
        <a href={props.config.registerUrl} target="_top">
          {t('register')}
        </a>
        .
      </p>
    );
  }
  const submit = async (sendAnyway = false) => {
    setBusy(true);
    setError(null);
    try {
      if (props.editId) {
        const c = await api<C>('PATCH', `/api/comments/${props.editId}`, { body: text });
        props.onDone(c);
      } else {
        const r = await api<{ comment: C; moderation: { decision: string } }>(
          'POST',
          `/api/stories/${props.storyId}/comments`,
          { body: text, parentId: props.parentId ?? null, sendAnyway },
          { 'idempotency-key': key.current },
        );
        setText('');
        key.current = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
        props.onDone(r.comment, r.comment.status === 'pending' ? t('heldThanks') : undefined);
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const left = props.config.maxLength - [...text].length;
  const id = `p-text-${props.parentId ?? props.editId ?? 'new'}`;
  return (
    <form
      class="p-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={id} class="p-label">
        {props.editId
          ? t('editYourComment')
          : props.parentId
            ? t('yourReply')
            : t('yourCommentAs', { name: props.user.displayName })}
      </label>
      <textarea
        id={id}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        rows={props.parentId ? 3 : 4}
        required
        aria-describedby={`${id}-count`}
      />
      <div class="p-row">
        <span id={`${id}-count`} class={left < 0 ? 'p-count p-over' : 'p-count'}>
          {t('charactersLeft', { n: left })}
        </span>
        <span>
          {props.onCancel && (
            <button type="button" class="p-link" onClick={props.onCancel}>
              {t('cancel')}
            </button>
          )}{' '}
          <button type="submit" class="p-button" disabled={busy || !text.trim() || left < 0}>
            {props.editId ? t('save') : props.parentId ? t('reply') : t('postComment')}
          </button>
        </span>
      </div>
      {error && (
        <div class="p-error" role="alert">
          <p>{error.message}</p>
          {error.code === 'COMMENT_REFUSED' && (error.details as { nudge?: boolean } | undefined)?.nudge && (
            <p>
              {t('reviseOr')}{' '}
              <button type="button" class="p-link" onClick={() => void submit(true)}>
                {t('sendAnyway')}
              </button>
              .
            </p>
          )}
        </div>
      )}
    </form>
  );
}

function Item(props: { c: C; ctx: Ctx }) {
  const { c, ctx } = props;
  const [mode, setMode] = useState<'' | 'reply' | 'edit' | 'report'>('');
  const [reason, setReason] = useState('abusive');
  const [note, setNote] = useState('');
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
  const badges = [
    ...(c.author.storyAuthor ? [t('author')] : []),
    ...(c.author.staff === 'moderator' ? [t('moderator')] : c.author.staff === 'editor' ? [t('journalist')] : []),
    ...c.author.badges,
  ];
  return (
    <li
      ref={ref}
      id={`comment-${c.id}`}
      class={`p-comment${c.author.storyAuthor ? ' p-by-author' : ''}${highlighted ? ' p-highlight' : ''}${c.deleted ? ' p-deleted' : ''}`}
    >
      {c.deleted ? (
        <p class="p-body">{t('deleted')}</p>
      ) : (
        <article aria-label={t('commentBy', { name: c.author.name })}>
          <header class="p-meta">
            <strong>{c.author.name}</strong>
            {badges.map((b) => (
              <span class="p-badge">{b}</span>
            ))}
            {c.inReplyTo && (
              <span class="p-reply-to">
                {' '}
                {t('inReplyTo')} <a href={`#comment-${c.inReplyTo.id}`}>{c.inReplyTo.name}</a>
              </span>
            )}{' '}
            ·{' '}
            <time dateTime={c.createdAt} title={c.createdAt}>
              {when(c.createdAt, ctx.config.timeZone, t)}
            </time>
            {c.editedAt && <span class="p-edited"> · {t('edited')}</span>}
            {c.featured && <span class="p-badge p-featured">{t('featured')}</span>}
          </header>
          {c.status === 'pending' && (
            <p class="p-status">
              {t('awaitingReview')} {c.statusReason}
            </p>
          )}
          {c.status === 'rejected' && (
            <p class="p-status p-refused">
              {t('notPublished')} {c.statusReason}
            </p>
          )}
          {mode === 'edit' ? (
            <Composer
              config={ctx.config}
              user={ctx.user}
              storyId={ctx.storyId}
              editId={c.id}
              initial={
                ctx.sources.get(c.id) ?? new DOMParser().parseFromString(c.html, 'text/html').body.textContent ?? ''
              }
              onCancel={() => setMode('')}
              onDone={(n) => {
                ctx.update(c.id, (old) => ({ ...old, html: n.html, editedAt: n.editedAt, status: n.status }));
                setMode('');
              }}
              onLogin={ctx.login}
            />
          ) : (
            <div class="p-body" dangerouslySetInnerHTML={{ __html: c.html }} />
          )}
          <footer class="p-actions">
            <button
              type="button"
              class={c.reactions.mine ? 'p-link p-reacted' : 'p-link'}
              aria-pressed={c.reactions.mine}
              disabled={c.mine || c.status !== 'published'}
              onClick={() =>
                ctx.user
                  ? void act(async () => {
                      const r = await api<{ count: number; mine: boolean }>(
                        c.reactions.mine ? 'DELETE' : 'PUT',
                        `/api/comments/${c.id}/reaction`,
                      );
                      ctx.update(c.id, (old) => ({ ...old, reactions: r }));
                    })
                  : ctx.login()
              }
            >
              {ctx.config.reactionLabel} {c.reactions.count > 0 ? `· ${c.reactions.count}` : ''}
            </button>
            {!ctx.closed && c.status === 'published' && (
              <button
                type="button"
                class="p-link"
                onClick={() => (ctx.user ? setMode(mode === 'reply' ? '' : 'reply') : ctx.login())}
              >
                {t('reply')}
              </button>
            )}
            {c.mine && c.editableUntil && new Date(c.editableUntil).getTime() > Date.now() && (
              <button type="button" class="p-link" onClick={() => setMode('edit')}>
                {t('edit')}
              </button>
            )}
            {c.mine && (
              <button
                type="button"
                class="p-link"
                onClick={() =>
                  confirm(t('confirmDelete')) &&
                  void act(async () => {
                    await api('DELETE', `/api/comments/${c.id}`);
                    ctx.update(c.id, (old) => ({ ...old, deleted: true, html: '', status: 'deleted' }));
                  })
                }
              >
                {t('delete')}
              </button>
            )}
            {!c.mine && c.status === 'published' && (
              <button
                type="button"
                class="p-link"
                onClick={() => (ctx.user ? setMode(mode === 'report' ? '' : 'report') : ctx.login())}
              >
                {t('report')}
              </button>
            )}
            {ctx.user && ctx.user.role !== 'reader' && c.status === 'published' && (
              <button
                type="button"
                class="p-link"
                onClick={() =>
                  void act(async () => {
                    await api(c.featured ? 'DELETE' : 'PUT', `/api/comments/${c.id}/featured`);
                    ctx.update(c.id, (old) => ({ ...old, featured: !old.featured }));
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
          {msg && (
            <p class="p-error" role="alert">
              {msg}
            </p>
          )}
          {mode === 'report' && (
            <form
              class="p-report"
              onSubmit={(e) => {
                e.preventDefault();
                void act(async () => {
                  await api('POST', `/api/comments/${c.id}/reports`, { reason, ...(note ? { note } : {}) });
                  setMode('');
                  setMsg(t('reportThanks'));
                });
              }}
            >
              <label for={`p-reason-${c.id}`}>{t('whyReport')}</label>
              <select
                id={`p-reason-${c.id}`}
                value={reason}
                onChange={(e) => setReason((e.target as HTMLSelectElement).value)}
              >
                {REASONS.map(([v, l]) => (
                  <option value={v}>{t(l)}</option>
                ))}
              </select>
              <label for={`p-note-${c.id}`}>{t('reportNote')}</label>
              <input
                id={`p-note-${c.id}`}
                value={note}
                maxLength={500}
                onInput={(e) => setNote((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="p-button">
                {t('sendReport')}
              </button>
            </form>
          )}
          {mode === 'reply' && (
            <Composer
              config={ctx.config}
              user={ctx.user}
              storyId={ctx.storyId}
              parentId={c.id}
              onCancel={() => setMode('')}
              onDone={(n, info) => {
                ctx.insertReply(n);
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
            <Item key={r.id} c={r} ctx={ctx} />
          ))}
        </ol>
      )}
      {c.moreReplies > 0 && (
        <button type="button" class="p-link p-more" onClick={() => void ctx.moreReplies(c)}>
          {c.moreReplies === 1 ? t('showMoreReply') : t('showMoreReplies', { n: c.moreReplies })}
        </button>
      )}
    </li>
  );
}

interface Ctx {
  config: Config;
  user: User | null;
  storyId: string;
  closed: boolean;
  frame: boolean;
  permalink: string | undefined;
  permalinkBase: string;
  sources: Map<string, string>;
  update: (id: string, f: (c: C) => C) => void;
  insertReply: (c: C) => void;
  moreReplies: (c: C) => Promise<void>;
  login: () => void;
}

interface Note {
  id: string;
  kind: 'reply' | 'follow';
  actorName: string;
  storyTitle: string;
  url: string;
  excerpt: string;
  read: boolean;
}

/** The bell: replies to the reader and news from followed stories. */
function Bell(props: { frame: boolean }) {
  const [data, setData] = useState<{ unread: number; items: Note[] }>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  const refresh = useCallback(
    () =>
      void api<{ unread: number; items: Note[] }>('GET', '/api/me/notifications')
        .then(setData)
        .catch(() => {}),
    [],
  );
  useEffect(() => {
    refresh();
    const t = setInterval(refresh, 60_000);
    return () => clearInterval(t);
  }, []);
  return (
    <span class="p-bell">
      <button
        type="button"
        class="p-link"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!open && data.unread)
            void api('POST', '/api/me/notifications/read', {}).then(() => setData((d) => ({ ...d, unread: 0 })));
        }}
      >
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

function App(props: { opts: Options; config: Config; story: Story; pageUrl: string }) {
  const { opts, config } = props;
  const [story, setStory] = useState(props.story);
  const [user, setUser] = useState<User | null>(null);
  const [sort, setSort] = useState<Sort>('newest');
  const [tab, setTab] = useState<'all' | 'featured'>('all');
  const [list, setList] = useState<C[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<C[]>([]);
  const [note, setNote] = useState('');
  const [loading, setLoading] = useState(true);
  const [following, setFollowing] = useState(false);
  const sources = useRef(new Map<string, string>()).current;
  // Our own new comments also come back as live events: never show them twice.
  const own = useRef(new Set<string>()).current;
  const listRef = useRef(list);
  listRef.current = list;

  const refreshUser = useCallback(async () => {
    const s = await api<{ user: User | null; csrfToken: string }>('GET', '/api/auth/session');
    setCsrf(s.csrfToken);
    setUser(s.user);
    if (!s.user && hasToken()) setToken('');
  }, []);

  const load = useCallback(
    async (more: boolean) => {
      setLoading(true);
      try {
        const q = new URLSearchParams({ sort, limit: '20', tab });
        if (more && cursor) q.set('cursor', cursor);
        const page = await api<{ story: Story; comments: C[]; nextCursor: string | null }>(
          'GET',
          `/api/stories/${story.id}/comments?${q}`,
        );
        setStory(page.story);
        let comments = page.comments;
        if (!more && opts.permalink) {
          try {
            const ctx = await api<{ thread: C }>('GET', `/api/comments/${opts.permalink}/context`);
            comments = [ctx.thread, ...comments.filter((c) => c.id !== ctx.thread.id)];
          } catch {
            // a permalink to a comment that is gone: show the story's comments
          }
        }
        setList(more ? [...listRef.current, ...comments.filter((c) => !contains(listRef.current, c.id))] : comments);
        setCursor(page.nextCursor);
        if (!more) setWaiting([]);
      } finally {
        setLoading(false);
      }
    },
    [sort, tab, cursor, story.id],
  );

  useEffect(() => {
    void refreshUser().catch(() => {});
  }, []);
  useEffect(() => {
    void load(false);
  }, [sort, tab]);
  useEffect(() => {
    if (user)
      void api<{ following: boolean }>('GET', `/api/stories/${story.id}/follow`)
        .then((r) => setFollowing(r.following))
        .catch(() => {});
  }, [user?.id]);

  // Live: new comments wait behind a button; edits and removals apply in place.
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(`/api/stories/${story.id}/events`);
    es.addEventListener('comment.created', (e) => {
      const { comment } = JSON.parse((e as MessageEvent).data) as { comment: C | null };
      if (!comment || own.has(comment.id) || contains(listRef.current, comment.id)) return;
      setStory((s) => ({ ...s, commentCount: s.commentCount + 1 }));
      if (comment.parentId) setList((l) => addReply(l, comment));
      else setWaiting((w) => (w.some((x) => x.id === comment.id) ? w : [comment, ...w]));
    });
    es.addEventListener('comment.edited', (e) => {
      const { id, comment } = JSON.parse((e as MessageEvent).data) as { id: string; comment: C | null };
      if (comment)
        setList((l) =>
          mapTree(l, id, (old) => ({
            ...old,
            html: comment.html,
            editedAt: comment.editedAt,
            featured: comment.featured,
          })),
        );
    });
    es.addEventListener('comment.removed', (e) => {
      const { id } = JSON.parse((e as MessageEvent).data) as { id: string };
      setList((l) =>
        mapTree(l, id, (old) =>
          old.mine && old.status !== 'deleted' ? old : { ...old, deleted: true, html: '', status: 'deleted' },
        ),
      );
    });
    return () => es.close();
  }, [story.id]);

  const login = useCallback(() => {
    if (!opts.frame) {
      location.href = `${config.loginUrl}?return=${encodeURIComponent(`${location.pathname + location.search}#comments`)}`;
      return;
    }
    // In another site's page: a popup on Parley's own origin hands back a bearer token.
    window.open(
      `${config.loginUrl}?return=${encodeURIComponent('/account/popup-done')}`,
      'parley-login',
      'width=480,height=640',
    );
  }, []);

  useEffect(() => {
    const onMessage = async (e: MessageEvent) => {
      const data = e.data as { type?: string; token?: string };
      if (e.origin === location.origin && data?.type === 'parley:signed-in' && data.token) {
        setToken(data.token);
        await refreshUser();
        void load(false);
      } else if (opts.frame && e.origin === opts.parentOrigin && data?.type === 'parley:sso-token' && data.token) {
        try {
          const r = await api<{ bearer: { token: string } }>('POST', '/api/auth/sso', { token: data.token });
          setToken(r.bearer.token);
          await refreshUser();
          void load(false);
        } catch (err) {
          setNote((err as Error).message);
        }
      }
    };
    addEventListener('message', onMessage);
    if (opts.frame && opts.parentOrigin) parent.postMessage({ type: 'parley:ready' }, opts.parentOrigin);
    return () => removeEventListener('message', onMessage);
  }, []);

  const ctx: Ctx = {
    config,
    user,
    storyId: story.id,
    closed: story.closed,
    frame: opts.frame,
    permalink: opts.permalink,
    permalinkBase: `${props.pageUrl.split('#')[0]!.split('?')[0]}?comment=`,
    sources,
    update: (id, f) => setList((l) => mapTree(l, id, f)),
    insertReply: (c) => {
      own.add(c.id);
      setList((l) => addReply(l, c));
      if (c.status === 'published') setStory((s) => ({ ...s, commentCount: s.commentCount + 1 }));
    },
    moreReplies: async (c) => {
      const seen = new Set(c.replies.map((r) => r.id));
      let next: string | null = null;
      const got: C[] = [];
      do {
        const q = new URLSearchParams({ limit: '50', ...(next ? { cursor: next } : {}) });
        const r = await api<{ comments: C[]; nextCursor: string | null }>('GET', `/api/comments/${c.id}/replies?${q}`);
        got.push(...r.comments.filter((x) => !seen.has(x.id)));
        next = r.nextCursor;
      } while (next);
      setList((l) => mapTree(l, c.id, (old) => ({ ...old, replies: [...old.replies, ...got], moreReplies: 0 })));
    },
    login,
  };

  return (
    <div class="p-root">
      {opts.frame && (
        <p class="p-guidelines">
          {config.guidelines}{' '}
          <a href={config.guidelinesUrl} target="_top">
            {t('readGuidelines')}
          </a>
        </p>
      )}
      {user && (
        <p class="p-user">
          {t('signedInAs')} <strong>{user.displayName}</strong>.{' '}
          {!user.emailVerified && user.email && <span>{t('confirmEmail')} </span>}
          <Bell frame={opts.frame} />{' '}
          <button
            type="button"
            class="p-link"
            aria-pressed={following}
            onClick={() =>
              void api<{ following: boolean }>(following ? 'DELETE' : 'PUT', `/api/stories/${story.id}/follow`).then(
                (r) => setFollowing(r.following),
              )
            }
          >
            {following ? t('following') : t('follow')}
          </button>
        </p>
      )}
      {story.closed ? (
        <p class="p-closed">{story.closedMessage ?? t('closed')}</p>
      ) : (
        <Composer
          config={config}
          user={user}
          storyId={story.id}
          onLogin={login}
          onDone={(c, info) => {
            own.add(c.id);
            setWaiting((w) => w.filter((x) => x.id !== c.id));
            setList((l) => [c, ...l.filter((x) => x.id !== c.id)]);
            if (c.status === 'published') setStory((s) => ({ ...s, commentCount: s.commentCount + 1 }));
            setNote(info ?? '');
          }}
        />
      )}
      {note && (
        <p class="p-note" role="status">
          {note}
        </p>
      )}
      <div class="p-toolbar">
        <span class="p-count-total" data-count={story.commentCount}>
          {story.commentCount === 1 ? t('oneComment') : t('nComments', { n: story.commentCount })}
        </span>
        <span role="tablist" aria-label={t('whichComments')}>
          <button type="button" role="tab" aria-selected={tab === 'all'} class="p-tab" onClick={() => setTab('all')}>
            {t('all')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'featured'}
            class="p-tab"
            onClick={() => setTab('featured')}
          >
            {t('featured')}
          </button>
        </span>
        <label>
          {t('sortBy')}{' '}
          <select
            value={sort}
            onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}
            aria-label={t('sortComments')}
          >
            {SORTS.map(([v, l]) => (
              <option value={v}>{t(l)}</option>
            ))}
          </select>
        </label>
      </div>
      {waiting.length > 0 && (
        <button
          type="button"
          class="p-button p-new"
          onClick={() => {
            if (sort === 'newest' && tab === 'all') {
              setList((l) => [...waiting.filter((w) => !contains(l, w.id)), ...l]);
              setWaiting([]);
            } else void load(false);
          }}
        >
          {waiting.length === 1 ? t('oneNew') : t('nNew', { n: waiting.length })}
        </button>
      )}
      <ol class="p-list" aria-busy={loading}>
        {list.map((c) => (
          <Item key={c.id} c={c} ctx={ctx} />
        ))}
      </ol>
      {!loading && list.length === 0 && <p class="p-empty">{tab === 'featured' ? t('noFeatured') : t('noComments')}</p>}
      {cursor && (
        <button
          type="button"
          class="p-button p-secondary p-load-more"
          disabled={loading}
          onClick={() => void load(true)}
        >
          {t('showMore')}
        </button>
      )}
    </div>
  );
}

async function start(mount: HTMLElement, opts: Options, pageUrl: string) {
  const config = await api<Config>('GET', '/api/embed/config');
  const story = opts.storyId
    ? await api<{ story: Story }>('GET', `/api/stories/${opts.storyId}/comments?limit=1`).then((p) => p.story)
    : await api<Story>(
        'GET',
        `/api/stories/resolve?${new URLSearchParams({ url: opts.url ?? '', ...(opts.externalId ? { storyId: opts.externalId } : {}), ...(opts.title ? { title: opts.title } : {}) })}`,
      );
  if (!document.getElementById('parley-style')) {
    const style = document.createElement('style');
    style.id = 'parley-style';
    style.textContent = css;
    document.head.appendChild(style);
  }
  render(<App opts={opts} config={config} story={story} pageUrl={pageUrl} />, mount);
  if (opts.frame && opts.parentOrigin) {
    const origin = opts.parentOrigin;
    let last = 0;
    // The content's own height: the document's is never less than the frame's.
    new ResizeObserver(() => {
      const h = Math.ceil(mount.getBoundingClientRect().bottom + 8);
      if (h === last) return;
      last = h;
      parent.postMessage({ type: 'parley:height', height: h }, origin);
    }).observe(mount);
  }
}

// In Parley's own page: take over the server-rendered comments.
const own = document.querySelector<HTMLElement>('section.comments[data-parley-story]');
const frameRoot = document.getElementById('parley-frame');
if (frameRoot) {
  const q = new URLSearchParams(location.search);
  if (q.get('theme') === 'dark') document.documentElement.classList.add('p-dark');
  document.documentElement.lang = q.get('lang') || 'en';
  setLanguage(document.documentElement.lang);
  void start(
    frameRoot,
    {
      frame: true,
      ...(q.get('storyId') ? { externalId: q.get('storyId')! } : {}),
      url: q.get('url') ?? '',
      ...(q.get('title') ? { title: q.get('title')! } : {}),
      ...(q.get('comment') ? { permalink: q.get('comment')! } : {}),
      ...(q.get('origin') ? { parentOrigin: q.get('origin')! } : {}),
    },
    q.get('url') ?? '',
  );
} else if (own) {
  setLanguage(document.documentElement.lang || 'en');
  const mount = document.createElement('div');
  mount.className = 'p-mount';
  own.querySelector('[data-comment-thread]')?.replaceWith(mount);
  own.querySelector('.comment-form')?.remove();
  own.querySelector('.comment-actions')?.remove();
  const permalink = new URLSearchParams(location.search).get('comment') ?? undefined;
  void start(
    mount,
    { frame: false, storyId: own.dataset.parleyStory!, ...(permalink ? { permalink } : {}) },
    location.href,
  );
}
