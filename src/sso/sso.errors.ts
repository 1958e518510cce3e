import { defineErrors } from '../shared/errors.ts';

export const ssoErrors = defineErrors({
  SSO_NOT_CONFIGURED: { status: 404, message: 'This site has no publisher sign-on.' },
  SSO_TOKEN_MALFORMED: {
    status: 400,
    message: 'The sign-on token is not a well-formed token with sub, exp, iat and jti.',
  },
  SSO_TOKEN_BAD_SIGNATURE: { status: 401, message: "The sign-on token was not signed with this site's key." },
  SSO_TOKEN_EXPIRED: { status: 401, message: 'The sign-on token has expired. Reload the page to get a new one.' },
  SSO_TOKEN_NOT_YET_VALID: {
    status: 401,
    message: "The sign-on token is dated in the future. Check the clock of the publisher's server.",
  },
  SSO_TOKEN_WRONG_AUDIENCE: { status: 401, message: 'The sign-on token was made for another audience.' },
  SSO_TOKEN_WRONG_ISSUER: { status: 401, message: 'The sign-on token was made by another issuer.' },
  SSO_TOKEN_REPLAYED: { status: 401, message: 'This sign-on token has already been used.' },
  OIDC_PROVIDER_NOT_FOUND: { status: 404, message: 'There is no such sign-in provider on this site.' },
  OIDC_STATE_INVALID: { status: 400, message: 'The sign-in took too long or did not start here. Please try again.' },
  OIDC_FAILED: { status: 502, message: 'The sign-in provider did not confirm who you are. Please try again.' },
});
