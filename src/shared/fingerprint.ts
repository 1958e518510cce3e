import { createHash } from 'node:crypto';

/**
 * A text's fingerprint: its letters and digits in lower case (links without
 * their query), so that case, spacing and punctuation tricks give the same
 * one. Comments store it (content_hash): a resubmission, the same text posted
 * under several stories and texts marked as spam are all found by it.
 */
export function fingerprint(text: string): string {
  const core = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, (u) => u.replace(/[?#].*$/, ''))
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(core).digest('base64url').slice(0, 27);
}
