import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword, isSimpleSequence, lettersOf, repeatedUnit } from './common-passwords.ts';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

// OWASP's first recommended argon2id setting: 19 MiB, 2 passes, 1 lane.
export const owaspArgon2id = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createPasswordHasher(
  params: { memoryCost: number; timeCost: number; parallelism: number } = owaspArgon2id,
): PasswordHasher {
  const options = {
    algorithm: 2 as const,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
  };
  return {
    hash: (password) => hash(password, options),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}

export const PASSWORD_MIN = 10;
// Long enough for any passphrase or password manager; the cap only stops a
// megabyte "password" from being used to burn CPU.
export const PASSWORD_MAX = 1024;

/** Product name: a password naming the software is as guessable as one naming the site. */
const PRODUCT = 'parley';

function siteNames(siteName: string | undefined): string[] {
  const names = [PRODUCT];
  if (siteName) names.push(lettersOf(siteName), lettersOf(siteName.replace(/^\s*(the|a|an)\s+/i, '')));
  return names.filter(Boolean);
}

/**
 * Why a new password will not do, or nothing: length first, then what a
 * guesser tries first (ASVS 2.1: no composition rules, but no common,
 * contextual or patterned passwords).
 */
export function passwordProblem(
  password: string,
  context: { email?: string | null; displayName?: string; siteName?: string },
): string | undefined {
  if ([...password].length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (context.email && lower === context.email.toLowerCase()) return 'Do not use your e-mail address as your password.';
  if (/^(.)\1+$/su.test(password)) return 'Do not use one character repeated.';
  const letters = lettersOf(password);
  const local = lettersOf(context.email?.split('@')[0] ?? '');
  if (local && letters === local) return 'Do not use the name in your e-mail address as your password.';
  const name = lettersOf(context.displayName ?? '');
  if (name && letters === name) return 'Do not use your name as your password.';
  if (letters && siteNames(context.siteName).includes(letters))
    return 'Do not use the name of this site as your password.';
  if ([...(repeatedUnit(password) ?? 'x'.repeat(5))].length <= 4) return 'Do not use a short pattern repeated.';
  if (isCommonPassword(password))
    return 'That password is one of the most common ones, which attackers try first: choose another.';
  if (isSimpleSequence(password)) return 'Do not use a simple sequence such as 1234567890 or qwertyuiop.';
  return undefined;
}
