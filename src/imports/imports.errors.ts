import { defineErrors } from '../shared/errors.ts';

export const importErrors = defineErrors({
  CLAIM_EMAIL_INVALID: { status: 400, message: 'Give the e-mail address you used on the previous platform.' },
  CLAIM_RATE_LIMITED: { status: 429, message: 'You have asked for several links already; please wait an hour.' },
  CLAIM_LINK_INVALID: {
    status: 400,
    message:
      'This link has expired, was used already, or was sent to someone else: sign in with the account that asked for it, or ask again.',
  },
});
