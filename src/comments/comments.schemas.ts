import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CommentAuthor = Type.Object({
  id: Nullable(Type.String()),
  name: Type.String(),
  badges: Type.Array(Type.String()),
  staff: Nullable(Type.String()),
  storyAuthor: Type.Boolean(),
});

export const CommentViewSchema = Type.Object(
  {
    id: Type.String(),
    storyId: Type.String(),
    parentId: Nullable(Type.String()),
    depth: Type.Integer(),
    author: CommentAuthor,
    html: Type.String({ description: 'sanitised HTML of the comment' }),
    status: Type.Union([
      Type.Literal('published'),
      Type.Literal('pending'),
      Type.Literal('rejected'),
      Type.Literal('deleted'),
    ]),
    statusReason: Nullable(Type.String()),
    deleted: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    editedAt: Nullable(Type.String()),
    featured: Type.Boolean(),
    reactions: Type.Object({ count: Type.Integer(), mine: Type.Boolean() }),
    replyCount: Type.Integer(),
    inReplyTo: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    replies: Type.Array(Type.Ref('CommentView')),
    moreReplies: Type.Integer(),
    mine: Type.Boolean(),
    editableUntil: Nullable(Type.String()),
  },
  { $id: 'CommentView' },
);

export const StoryInfo = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  closed: Type.Boolean(),
  commentCount: Type.Integer(),
  closedMessage: Nullable(Type.String()),
});

export const ThreadPageSchema = Type.Object({
  story: StoryInfo,
  comments: Type.Array(Type.Ref('CommentView')),
  nextCursor: Nullable(Type.String()),
});

export const PostComment = Type.Object({
  body: Type.String({ maxLength: 20_000 }),
  parentId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  sendAnyway: Type.Optional(
    Type.Boolean({ description: 'after a refusal the author may fix: send it to a moderator instead' }),
  ),
});

/** Words that broke a rule, in the text the author typed. */
export const Highlight = Type.Object({
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  rule: Type.String(),
  type: Type.Optional(Type.String()),
  text: Type.String(),
});

export const PostResult = Type.Object({
  comment: Type.Ref('CommentView'),
  duplicate: Type.Boolean(),
  moderation: Type.Object({
    decision: Type.Union([Type.Literal('publish'), Type.Literal('hold'), Type.Literal('refuse')]),
    reasons: Type.Array(Type.Object({ rule: Type.String(), message: Type.String() })),
    highlights: Type.Array(Highlight, {
      description: 'for a held comment: the words that broke a rule, as offsets into the body the author typed',
    }),
  }),
});

export const SortQuery = Type.Object({
  sort: Type.Optional(
    Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('reactions'), Type.Literal('replies')]),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  tab: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('featured')])),
});

export const ReportBody = Type.Object({
  reason: Type.Union([
    Type.Literal('abusive'),
    Type.Literal('personal'),
    Type.Literal('spam'),
    Type.Literal('off_topic'),
    Type.Literal('other'),
  ]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
