// The thread's state and every change to it, as one reducer: pages loaded,
// the reader's own comments and actions, and what arrives live.
import type { LiveEvent } from '../live.ts';
import type { Comment, Story } from '../types.ts';
import {
  addReply,
  appendPage,
  asDeleted,
  asEdited,
  asRemoved,
  contains,
  mapTree,
  prepend,
  withAllReplies,
} from './tree.ts';

export interface ThreadState {
  story: Story;
  /** the comments shown, as a tree */
  list: Comment[];
  /** new top-level comments heard live, waiting behind the "new comments" button */
  waiting: Comment[];
  /** where the next page of top-level comments starts; null when there is none */
  cursor: string | null;
  /** the reader's own new comments: their live echo must not show them twice */
  own: ReadonlySet<string>;
  /** how many times notifications were heard live: the bell asks again at each */
  notified: number;
}

export type ThreadAction =
  | { type: 'loaded'; story: Story; comments: Comment[]; nextCursor: string | null; more: boolean }
  | { type: 'live'; event: LiveEvent }
  /** the reader posted a top-level comment */
  | { type: 'posted'; comment: Comment }
  /** the reader posted a reply */
  | { type: 'replied'; comment: Comment }
  /** the reader asked to see the waiting comments */
  | { type: 'revealed' }
  /** the reader changed a comment (an edit, a reaction, featuring it): the server's answer */
  | { type: 'changed'; id: string; patch: Partial<Comment> }
  /** the reader deleted their comment */
  | { type: 'deleted'; id: string }
  /** all the remaining replies of a comment */
  | { type: 'repliesLoaded'; id: string; replies: Comment[] };

export function initialThread(story: Story): ThreadState {
  return { story, list: [], waiting: [], cursor: null, own: new Set(), notified: 0 };
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        story: action.story,
        list: action.more ? appendPage(state.list, action.comments) : action.comments,
        cursor: action.nextCursor,
        waiting: action.more ? state.waiting : [],
      };
    case 'live':
      return applyLive(state, action.event);
    case 'posted': {
      const c = action.comment;
      const echoed = state.waiting.some((w) => w.id === c.id) || contains(state.list, c.id);
      const next = {
        ...state,
        own: withId(state.own, c.id),
        waiting: state.waiting.filter((w) => w.id !== c.id),
        list: [c, ...state.list.filter((x) => x.id !== c.id)],
      };
      return echoed ? next : counted(next, c);
    }
    case 'replied': {
      const c = action.comment;
      // its live echo may have come first, as everyone sees it: the writer's own view replaces it
      if (contains(state.list, c.id))
        return { ...state, own: withId(state.own, c.id), list: mapTree(state.list, c.id, () => c) };
      return counted({ ...state, own: withId(state.own, c.id), list: addReply(state.list, c) }, c);
    }
    case 'revealed':
      return { ...state, list: prepend(state.list, state.waiting), waiting: [] };
    case 'changed':
      return { ...state, list: mapTree(state.list, action.id, (c) => ({ ...c, ...action.patch })) };
    case 'deleted':
      return { ...state, list: mapTree(state.list, action.id, asDeleted) };
    case 'repliesLoaded':
      return { ...state, list: mapTree(state.list, action.id, (c) => withAllReplies(c, action.replies)) };
  }
}

/** New comments wait behind a button, replies go in their place; edits and removals apply in place. */
function applyLive(state: ThreadState, event: LiveEvent): ThreadState {
  switch (event.type) {
    case 'created': {
      const c = event.comment;
      if (state.own.has(c.id) || contains(state.list, c.id)) return state;
      const story = { ...state.story, commentCount: state.story.commentCount + 1 };
      if (c.parentId) return { ...state, story, list: addReply(state.list, c) };
      return state.waiting.some((w) => w.id === c.id)
        ? { ...state, story }
        : { ...state, story, waiting: [c, ...state.waiting] };
    }
    case 'edited':
      return { ...state, list: mapTree(state.list, event.id, (c) => asEdited(c, event.comment)) };
    case 'removed':
      return { ...state, list: mapTree(state.list, event.id, asRemoved) };
    case 'reacted':
      return {
        ...state,
        list: mapTree(state.list, event.id, (c) => ({ ...c, reactions: { ...c.reactions, count: event.count } })),
      };
    case 'notified':
      return { ...state, notified: state.notified + 1 };
    case 'reset': // useThread loads the thread again
      return state;
  }
}

/** The reader's own comment counts once it is published (a held one does not, yet). */
function counted(state: ThreadState, c: Comment): ThreadState {
  return c.status === 'published'
    ? { ...state, story: { ...state.story, commentCount: state.story.commentCount + 1 } }
    : state;
}

function withId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return new Set(set).add(id);
}

/** Whether the waiting comments can be slotted in at the top: only when the newest of all are shown. */
export function revealsInPlace(sort: string, tab: string): boolean {
  return sort === 'newest' && tab === 'all';
}
