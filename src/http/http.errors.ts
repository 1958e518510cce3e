import { defineErrors } from '../shared/errors.ts';

// Requests refused before any feature sees them: the same answer on every
// route and on both engines.
export const httpErrors = defineErrors({
  NUL_IN_TEXT: { status: 400, message: 'Text may not contain the NUL character (\\u0000).' },
  BODY_MALFORMED: { status: 400, message: 'The request body is cut short or malformed.' },
  BODY_TOO_DEEP: { status: 400, message: 'The request body is nested too deeply.' },
});
