import type { SecretsRepository } from '../storage/secrets.repository.ts';
import { hmac, randomToken } from './crypto.ts';

/**
 * A named secret shared by every app instance. PARLEY_SECRET, when set, is the
 * root of all of them; otherwise one is made on first start and kept in the
 * database, so that restarts and other instances sign alike.
 */
export async function loadSecret(
  deps: { secretsRepository: SecretsRepository },
  input: { name: string; rootSecret: string | undefined; now: string },
): Promise<string> {
  if (input.rootSecret) return hmac(input.rootSecret, input.name);
  return deps.secretsRepository.keepFirst(input.name, randomToken(48), input.now);
}
