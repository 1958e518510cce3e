import { useEffect, useReducer, useState } from 'preact/hooks';
import { getAllReplies, getComments, getThread } from '../endpoints.ts';
import { initialThread, revealsInPlace, threadReducer } from '../thread/reducer.ts';
import { threadFirst } from '../thread/tree.ts';
import type { Comment, Sort, Story, Tab } from '../types.ts';
import { useLive } from './useLive.ts';

/**
 * The story's comments: the pages loaded for the chosen sort and tab, the
 * reader's own changes and the live ones, all through one reducer.
 */
export function useThread(story: Story, permalink: string | undefined) {
  const [state, dispatch] = useReducer(threadReducer, story, initialThread);
  const [sort, setSort] = useState<Sort>('newest');
  const [tab, setTab] = useState<Tab>('all');
  const [loading, setLoading] = useState(true);
  const storyId = state.story.id;

  /** The first page again (more = false), or the next one. */
  const load = async (more: boolean) => {
    setLoading(true);
    try {
      const page = await getComments(storyId, sort, tab, more ? state.cursor : null);
      let comments = page.comments;
      if (!more && permalink) {
        try {
          comments = threadFirst(comments, await getThread(permalink));
        } catch {
          // a permalink to a comment that is gone: show the story's comments
        }
      }
      dispatch({ type: 'loaded', story: page.story, comments, nextCursor: page.nextCursor, more });
    } finally {
      setLoading(false);
    }
  };

  // a new sort or tab starts from the first page
  useEffect(() => {
    void load(false);
  }, [sort, tab]);

  // Events missed while away that the server no longer has: the first page again.
  useLive(storyId, (event) => (event.type === 'reset' ? void load(false) : dispatch({ type: 'live', event })));

  return {
    ...state,
    dispatch,
    sort,
    setSort,
    tab,
    setTab,
    loading,
    load,
    /** Shows the comments waiting behind the "new comments" button. */
    reveal: () => (revealsInPlace(sort, tab) ? dispatch({ type: 'revealed' }) : void load(false)),
    moreReplies: async (c: Comment) =>
      dispatch({ type: 'repliesLoaded', id: c.id, replies: await getAllReplies(c.id) }),
  };
}
