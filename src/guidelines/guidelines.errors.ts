import { defineErrors } from '../shared/errors.ts';

export const guidelinesErrors = defineErrors({
  POLICY_INVALID: { status: 400, message: 'This policy is not valid.' },
  POLICY_CONFLICT: {
    status: 409,
    message: 'Someone saved a newer version of this policy; reload it and apply your change again.',
  },
  NOT_ENOUGH_EXAMPLES: {
    status: 409,
    message:
      "The site's moderators have not decided enough comments yet to adapt its model: at least 40, abusive and clean both.",
  },
  MODEL_NOT_FOUND: { status: 404, message: 'There is no such model for this site.' },
});
