import { defineErrors } from '../shared/errors.ts';

export const moderationErrors = defineErrors({
  DECISION_CONFLICT: {
    status: 409,
    message: 'Another moderator decided this comment first; here is what they decided.',
  },
  COMMENT_NOT_FOUND: { status: 404, message: 'There is no such comment on this site.' },
  USER_NOT_FOUND: { status: 404, message: 'There is no such reader on this site.' },
  NOTHING_TO_UNDO: {
    status: 409,
    message: 'This action cannot be undone: it was undone already, or the comment has changed since.',
  },
  REASON_REQUIRED: { status: 400, message: 'Choose the guideline the comment breaks.' },
  APPEAL_NOT_ALLOWED: { status: 409, message: 'Only a refused comment can be appealed, and only once.' },
  SANCTION_INVALID: { status: 400, message: 'This sanction is not valid.' },
});
