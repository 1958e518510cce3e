import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

// Standard Webhooks (standardwebhooks.com): the receiver checks
// webhook-signature, an HMAC of "id.timestamp.body" under the endpoint's
// secret. Several signatures may stand in the header, separated by spaces:
// during a rotation the old and the new secret both sign, so a receiver that
// knows either keeps accepting while it is moved to the new one.

/** A new endpoint secret in the standard's form: whsec_ and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The secrets that sign now: the current one, and the previous one until its rotation ends. */
export function signingSecrets(
  e: { secret: string; previousSecret: string | null; previousUntil: string | null },
  now: Date,
): string[] {
  const previous = e.previousSecret && e.previousUntil && e.previousUntil > now.toISOString() ? [e.previousSecret] : [];
  return [e.secret, ...previous];
}

/** The three headers of a signed message. */
export function signedHeaders(secrets: string[], msgId: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(' '),
  };
}

/** The wait before attempt n+1 after n failed ones: 30 s, 2 min, 8 min, … at most 6 h; undefined: give up. */
export const MAX_ATTEMPTS = 8;
export function retryDelayMs(failedAttempts: number): number | undefined {
  if (failedAttempts >= MAX_ATTEMPTS) return undefined;
  return Math.min(30_000 * 4 ** (failedAttempts - 1), 6 * 3_600_000);
}
