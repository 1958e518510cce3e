import { defineErrors } from '../shared/errors.ts';

export const guidelinesErrors = defineErrors({
  POLICY_INVALID: { status: 400, message: 'This policy is not valid.' },
  POLICY_CONFLICT: {
    status: 409,
    message: 'Someone saved a newer version of this policy; reload it and apply your change again.',
  },
});
