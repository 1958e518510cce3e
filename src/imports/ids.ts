import { createHash } from 'node:crypto';
import type { ImportComment } from './items.ts';

// Ids of imported rows are derived from the old platform's (site, format, id),
// so that running the same file twice, or again after a crash, finds the rows
// of the first run instead of adding new ones.

const digest = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 22);

export const importedCommentId = (siteId: string, source: string, id: string) =>
  `imp_${digest(`${siteId}\u0000${source}\u0000${id}`)}`;

/** The hash legacy authors are found by: their address, trimmed and in lower case. */
export const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * Who wrote a comment, as the file knows them: the old platform's user id,
 * else the address, else the name. `key` tells authors apart within one run;
 * `id` is the stored legacy author's (with the address hashed).
 */
export function legacyAuthorOf(
  siteId: string,
  source: string,
  author: ImportComment['author'],
): { key: string; id: () => string } {
  const key = author.id
    ? `id:${author.id}`
    : author.email
      ? `email:${author.email.trim().toLowerCase()}`
      : `name:${author.name}`;
  return {
    key,
    id: () => {
      const stored = author.id ? key : author.email ? `email:${emailHash(author.email)}` : key;
      return `la_${digest(`${siteId}\u0000${source}\u0000${stored}`)}`;
    },
  };
}
