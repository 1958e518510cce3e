import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { CLAIM_TTL_MS, claimAddress, claimMail, giveToReader } from './claims.ts';
import { emailHash } from './ids.ts';
import { importErrors as E } from './imports.errors.ts';

// Claiming older comments written under another address: the reader names
// it, a link goes there, and following the link while signed in claims them.

const PURPOSE = 'claim_legacy';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The reader names the address they used on the old platform; if comments
 * were imported under it, a link goes there. The answer is the same either
 * way, so nobody learns which addresses commented.
 */
export async function requestClaimLink(
  deps: Pick<Services, 'importsRepository' | 'tokensRepository' | 'mailer' | 'claimsRateLimiter' | 'now'>,
  input: { site: Site; user: User; email: string },
): Promise<void> {
  const { site, user } = input;
  if ((await deps.claimsRateLimiter.hit(user.id)) > 0) throw new AppError(E.CLAIM_RATE_LIMITED);
  const address = claimAddress(input.email);
  if (!address) throw new AppError(E.CLAIM_EMAIL_INVALID);
  const hash = emailHash(address);
  if ((await deps.importsRepository.unclaimed(site.id, { emailHash: hash })).length === 0) return;
  const token = randomBytes(24).toString('base64url');
  const now = deps.now();
  await deps.tokensRepository.insert({
    idHash: sha256(token),
    siteId: site.id,
    userId: user.id,
    purpose: PURPOSE,
    payload: { emailHash: hash },
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CLAIM_TTL_MS).toISOString(),
  });
  await deps.mailer.send({ siteId: site.id, to: address, ...claimMail(site, token) });
}

/** The link from the old address, followed by the signed-in reader who asked for it. */
export async function confirmClaimLink(
  deps: Pick<Services, 'importsRepository' | 'commentsRepository' | 'tokensRepository' | 'now'>,
  input: { site: Site; user: User; token: string },
): Promise<number> {
  const { site, user } = input;
  const idHash = sha256(input.token);
  // Only its own reader may use a link: anyone else's visit leaves it as it was.
  const link = await deps.tokensRepository.peek(idHash);
  if (!link || link.siteId !== site.id || link.userId !== user.id) throw new AppError(E.CLAIM_LINK_INVALID);
  const used = await deps.tokensRepository.consume(idHash, PURPOSE, deps.now().toISOString());
  if (!used) throw new AppError(E.CLAIM_LINK_INVALID);
  const hash = String(used.payload.emailHash);
  return giveToReader(deps, user, await deps.importsRepository.unclaimed(site.id, { emailHash: hash }));
}
