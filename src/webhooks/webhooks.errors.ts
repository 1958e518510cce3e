import { defineErrors } from '../shared/errors.ts';

export const webhooksErrors = defineErrors({
  WEBHOOK_NOT_FOUND: { status: 404, message: 'There is no such webhook endpoint on this site.' },
  WEBHOOK_DELIVERY_NOT_FOUND: { status: 404, message: 'There is no such webhook delivery on this site.' },
  WEBHOOK_URL_INVALID: { status: 400, message: 'A webhook endpoint needs an http or https address.' },
  WEBHOOK_NOT_FAILED: { status: 409, message: 'Only a delivery that failed can be sent again.' },
});
