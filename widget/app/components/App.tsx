import { useState } from 'preact/hooks';
import { useFollow } from '../hooks/useFollow.ts';
import { useSession } from '../hooks/useSession.ts';
import { useThread } from '../hooks/useThread.ts';
import { t } from '../i18n.ts';
import type { Config, Options, Story } from '../types.ts';
import { permalinkBase } from '../view.ts';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { ThreadContext, type ThreadContextValue } from './context.ts';
import { NewCommentsBar } from './NewCommentsBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { UserBar } from './UserBar.tsx';

// The comments app. It runs in two places: inside Parley's own article pages
// (mounted over the server-rendered comments) and inside the iframe that the
// loader puts into another site's page. Either way it talks only to Parley.
export function App(props: { opts: Options; config: Config; story: Story; pageUrl: string }) {
  const { opts, config } = props;
  const thread = useThread(props.story, opts.permalink);
  const { story } = thread;
  const [note, setNote] = useState('');
  const { user, login } = useSession(opts, config.loginUrl, () => void thread.load(false), setNote);
  const [following, toggleFollow] = useFollow(story.id, user?.id);

  const ctx: ThreadContextValue = {
    config,
    user,
    storyId: story.id,
    closed: story.closed,
    frame: opts.frame,
    permalink: opts.permalink,
    permalinkBase: permalinkBase(props.pageUrl),
    dispatch: thread.dispatch,
    moreReplies: thread.moreReplies,
    login,
  };

  return (
    <ThreadContext.Provider value={ctx}>
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
          <UserBar
            user={user}
            frame={opts.frame}
            following={following}
            onFollow={toggleFollow}
            notified={thread.notified}
          />
        )}
        {story.closed ? (
          <p class="p-closed">{story.closedMessage ?? t('closed')}</p>
        ) : (
          <Composer
            config={config}
            user={user}
            storyId={story.id}
            onLogin={login}
            onDone={(comment, info) => {
              thread.dispatch({ type: 'posted', comment });
              setNote(info ?? '');
            }}
          />
        )}
        {note && (
          <p class="p-note" role="status">
            {note}
          </p>
        )}
        <Toolbar
          count={story.commentCount}
          tab={thread.tab}
          onTab={thread.setTab}
          sort={thread.sort}
          onSort={thread.setSort}
        />
        <NewCommentsBar count={thread.waiting.length} onShow={thread.reveal} />
        <CommentList
          list={thread.list}
          loading={thread.loading}
          tab={thread.tab}
          waiting={thread.waiting.length}
          hasMore={Boolean(thread.cursor)}
          onMore={() => void thread.load(true)}
        />
      </div>
    </ThreadContext.Provider>
  );
}
