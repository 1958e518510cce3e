import { randomBytes } from 'node:crypto';

// Time-ordered ids (12 base36 chars of milliseconds + 10 random chars) so that rows
// created later sort later on both engines without a sequence, and so that ids
// from imports and from several app instances never collide.
export function newId(now: number = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const rand = randomBytes(8).readBigUInt64BE().toString(36).padStart(13, '0').slice(0, 11);
  return `${time}${rand}`;
}
