import { defineErrors } from '../shared/errors.ts';

export const accountErrors = defineErrors({
  NOT_LOGGED_IN: { status: 401, message: 'Please log in first.' },
  FORBIDDEN: { status: 403, message: 'Your account may not do this.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    message: 'This form has expired or did not come from this site. Reload the page and try again.',
  },
  LOGIN_FAILED: { status: 401, message: 'That e-mail address and password do not match an account.' },
  LOGIN_THROTTLED: { status: 429, message: 'Too many attempts to log in. Please wait before trying again.' },
  REGISTRATION_DISABLED: {
    status: 403,
    message: 'This site signs readers in through its own accounts: please log in on the main site.',
  },
  EMAIL_INVALID: { status: 400, message: 'That does not look like an e-mail address.' },
  DISPLAY_NAME_INVALID: { status: 400, message: 'A display name needs 2 to 50 characters, and no control characters.' },
  DISPLAY_NAME_TOO_SOON: { status: 429, message: 'You can change your display name once a day.' },
  PASSWORD_WEAK: { status: 400, message: 'Please choose a stronger password.' },
  PASSWORD_WRONG: { status: 403, message: 'Your current password is not right.' },
  TOKEN_INVALID: { status: 400, message: 'This link has expired or has already been used. Ask for a new one.' },
  SESSION_NOT_FOUND: { status: 404, message: 'There is no such session on your account.' },
  ACCOUNT_SUSPENDED: { status: 403, message: 'Your account is suspended.' },
  WARNING_UNACKNOWLEDGED: {
    status: 403,
    message:
      'A moderator has warned you; please read the warning on your account page and acknowledge it before you comment again.',
  },
  ACCOUNT_BANNED: { status: 403, message: 'Your account is banned from taking part on this site.' },
  ACCOUNT_LINK_REQUIRED: {
    status: 409,
    message: 'An account with this e-mail address already exists. Confirm that it is yours to link them.',
  },
  USER_NOT_FOUND: { status: 404, message: 'There is no such user.' },
  DELETION_PENDING: { status: 409, message: 'This account is scheduled for deletion.' },
});
