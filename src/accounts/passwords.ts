import { hash, verify } from '@node-rs/argon2';

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

export function passwordProblem(
  password: string,
  context: { email?: string | null; displayName?: string },
): string | undefined {
  if ([...password].length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (context.email && lower === context.email.toLowerCase()) return 'Do not use your e-mail address as your password.';
  if (/^(.)\1+$/.test(password)) return 'Do not use one character repeated.';
  if (['password123', '1234567890', 'qwertyuiop', 'iloveyou12', 'letmein123'].includes(lower))
    return 'That password is too common.';
  return undefined;
}
