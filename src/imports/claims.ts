import type { User } from '../accounts/users.repository.ts';
import type { CommentsRepository } from '../comments/comments.repository.ts';
import { emailHash } from './ids.ts';
import type { ImportsRepository } from './imports.repository.ts';

// Readers get their history back: a legacy author (the old platform's) is the
// reader's when the reader has proved the same e-mail address (verified here),
// or signs in through the publisher's sign-on with the old platform's user id
// as subject, or follows a link sent to the old address (when it is not the
// one they use now). Their imported comments then are the reader's own:
// "My comments" lists them, marked as from the previous platform.
//
// The core calls claimLegacyComments after every sign-in and proved address,
// so this file names its dependencies itself: typed with the Services
// interface, the core would import a file that imports the core.

export type Reader = Pick<User, 'id' | 'siteId' | 'email' | 'emailVerified'>;

export interface ClaimDeps {
  importsRepository: Pick<ImportsRepository, 'unclaimed' | 'markClaimed'>;
  commentsRepository: Pick<CommentsRepository, 'giveLegacyComments'>;
  usersRepository: { listIdentities(userId: string): Promise<{ provider: string; subject: string }[]> };
  now: () => Date;
}

/** How long a link sent to an old address works. */
export const CLAIM_TTL_MS = 24 * 3_600_000;

/** What proves a reader is a legacy author: a verified address, or the publisher's sign-on subjects. */
export function claimEvidence(
  reader: Reader,
  identities: { provider: string; subject: string }[],
): { emailHash?: string; externalIds: string[] } {
  // Publisher sign-on only: its subject is the paper's own user id, which the old platform shared.
  const externalIds = identities.filter((i) => i.provider === 'sso').map((i) => i.subject);
  return reader.email && reader.emailVerified ? { emailHash: emailHash(reader.email), externalIds } : { externalIds };
}

/** These legacy authors, and the comments they wrote, become the reader's. */
export async function giveToReader(
  deps: Pick<ClaimDeps, 'importsRepository' | 'commentsRepository' | 'now'>,
  reader: Reader,
  legacyAuthorIds: string[],
): Promise<number> {
  if (legacyAuthorIds.length === 0) return 0;
  // Comments first: should the second write fail, the authors are still unclaimed and the next sign-in finishes.
  await deps.commentsRepository.giveLegacyComments(legacyAuthorIds, reader.id);
  await deps.importsRepository.markClaimed(legacyAuthorIds, reader.id, deps.now().toISOString());
  return legacyAuthorIds.length;
}

/** After every sign-in and every proved address: what is provably the reader's becomes theirs. */
export async function claimLegacyComments(deps: ClaimDeps, reader: Reader): Promise<number> {
  const evidence = claimEvidence(reader, await deps.usersRepository.listIdentities(reader.id));
  if (!evidence.emailHash && evidence.externalIds.length === 0) return 0;
  return giveToReader(deps, reader, await deps.importsRepository.unclaimed(reader.siteId, evidence));
}

/** A plausible address to send a claim link to: one @, a dot in the domain, no spaces. */
export const claimAddress = (email: string): string | undefined => {
  const address = email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) ? address : undefined;
};

export function claimMail(site: { name: string; baseUrl: string }, token: string): { subject: string; text: string } {
  return {
    subject: `Your older comments on ${site.name}`,
    text: `Someone signed in to ${site.name} asked to add the comments written under this address on our previous commenting platform to their account.\n\nIf that was you, follow this link while signed in (it works for 24 hours):\n\n${site.baseUrl.replace(/\/+$/, '')}/account/legacy/claim?token=${token}\n\nIf it was not you, ignore this message: nothing changes.\n`,
  };
}
