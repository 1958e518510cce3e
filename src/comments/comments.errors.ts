import { defineErrors } from '../shared/errors.ts';

export const commentErrors = defineErrors({
  STORY_NOT_FOUND: { status: 404, message: 'There is no such story.' },
  STORY_CLOSED: { status: 403, message: 'Comments are closed on this story.' },
  COMMENT_NOT_FOUND: { status: 404, message: 'There is no such comment.' },
  COMMENT_EMPTY: { status: 400, message: 'Write something before you post.' },
  COMMENT_TOO_LONG: { status: 400, message: 'This comment is too long.' },
  PARENT_NOT_FOUND: { status: 400, message: 'The comment you are replying to is not there any more.' },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    message: 'Please confirm your e-mail address before you comment: we sent you a link.',
  },
  NOT_YOUR_COMMENT: { status: 403, message: 'Only the author can change this comment.' },
  EDIT_WINDOW_CLOSED: { status: 403, message: 'Comments can be edited only for a short while after posting.' },
  COMMENT_DELETED: { status: 409, message: 'This comment has been deleted.' },
  CANNOT_REACT_OWN: { status: 403, message: 'You cannot react to your own comment.' },
  ALREADY_REPORTED: { status: 409, message: 'You have already reported this comment. Thank you.' },
  COMMENT_REFUSED: { status: 422, message: 'This comment does not follow the community guidelines.' },
  COMMENT_RATE_LIMITED: { status: 429, message: 'You are commenting very fast. Please wait a moment.' },
  STAFF_ONLY: { status: 403, message: 'Only moderators and editors can do this.' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'This site may not embed these comments.' },
  STORY_URL_INVALID: { status: 400, message: 'The story needs an http(s) address.' },
});
