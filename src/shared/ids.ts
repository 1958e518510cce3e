import { randomBytes } from 'node:crypto';

let lastTime = 0;
let sequence = 0;

// Time-ordered ids: 9 base36 characters of milliseconds, 3 of a sequence that
// keeps ids made in the same millisecond in order, then 8 random ones so that
// ids from imports and from several app instances never collide. Rows created
// later sort later on both engines without a database sequence.
export function newId(now: number = Date.now()): string {
  if (now === lastTime) sequence++;
  else {
    lastTime = now;
    sequence = 0;
  }
  const time = now.toString(36).padStart(9, '0');
  const seq = (sequence % 46_656).toString(36).padStart(3, '0');
  const rand = randomBytes(6).readUIntBE(0, 6).toString(36).padStart(10, '0').slice(0, 8);
  return `${time}${seq}${rand}`;
}
