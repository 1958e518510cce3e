import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ThreadAction } from '../thread/reducer.ts';
import type { Comment, Config, User } from '../types.ts';

/** What every comment in the tree needs from the app, without passing it down each level. */
export interface ThreadContextValue {
  config: Config;
  user: User | null;
  storyId: string;
  closed: boolean;
  frame: boolean;
  /** the comment a permalink points at */
  permalink: string | undefined;
  /** the page's address ready for a comment's id */
  permalinkBase: string;
  dispatch: (action: ThreadAction) => void;
  moreReplies: (c: Comment) => Promise<void>;
  login: () => void;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('a comment is shown outside the thread');
  return value;
}
