// The shapes the widget shares between its parts. Comment is the API's own
// CommentView (a type-only import: nothing of the server is bundled).
import type { CommentView } from '../../src/comments/comment-view.ts';

export type Comment = CommentView;

export interface User {
  id: string;
  displayName: string;
  role: string;
  emailVerified: boolean;
  email: string | null;
  /** 'active', 'suspended' or 'banned' (GET /api/auth/session) */
  status?: string;
  sanctionUntil?: string | null;
  sanctionReason?: string | null;
}

/** The site's settings for the widget (GET /api/embed/config). */
export interface Config {
  siteName: string;
  timeZone: string;
  guidelines: string;
  guidelinesUrl: string;
  reactionLabel: string;
  maxLength: number;
  /** how long a comment may be edited after posting (older servers do not say) */
  editWindowSeconds?: number;
  loginUrl: string;
  registerUrl: string;
}

export interface Story {
  id: string;
  closed: boolean;
  closedMessage: string | null;
  commentCount: number;
}

export type Sort = 'newest' | 'oldest' | 'reactions' | 'replies';
export type Tab = 'all' | 'featured';

/** Where and for which story the app runs. */
export interface Options {
  /** inside the iframe on another site's page, rather than in Parley's own article page */
  frame: boolean;
  storyId?: string;
  externalId?: string;
  url?: string;
  title?: string;
  /** the comment a permalink points at */
  permalink?: string;
  /** the embedding page's origin, the only one the frame talks to */
  parentOrigin?: string;
}

/** One entry of the bell. */
export interface Note {
  id: string;
  kind: 'reply' | 'follow';
  actorName: string;
  storyTitle: string;
  url: string;
  excerpt: string;
  read: boolean;
}

export interface Notifications {
  unread: number;
  items: Note[];
}
