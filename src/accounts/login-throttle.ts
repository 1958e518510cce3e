// Lockout grows with each failure past the allowance: 1, 2, 4 … minutes, at
// most an hour, so that a person who mistypes waits little and a script a lot.
const MAX_LOCK_MS = 3_600_000;

/** When a key is locked until after its latest failure; null while within the allowance. */
export function lockedUntilAfter(failures: number, allowed: number, now: Date): string | null {
  const over = failures - allowed + 1;
  if (over <= 0) return null;
  return new Date(now.getTime() + Math.min(MAX_LOCK_MS, 60_000 * 2 ** (over - 1))).toISOString();
}

/** How long a lock has still to run, in milliseconds; 0 when there is none. */
export function lockRemainingMs(lockedUntil: string | null | undefined, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, new Date(lockedUntil).getTime() - now.getTime());
}
